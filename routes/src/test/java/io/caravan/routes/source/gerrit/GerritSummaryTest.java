package io.caravan.routes.source.gerrit;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code caravan run} line of a gerrit event, found through the registry. */
class GerritSummaryTest {
  @Test
  void describesTheEndpointAndTheManagedHook() {
    SourceSummary summary =
        ServiceLoader.load(SourceSummary.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(s -> s.kamelet().equals("gerrit-source"))
            .findFirst()
            .orElseThrow();
    assertThat(summary.heading()).isEqualTo("Gerrit webhooks");
    assertThat(
            summary.describe(
                Map.of(
                    "port", "12000",
                    "endpoint", "/gerrit",
                    "hookUrl", "https://e.example/gerrit",
                    "hookName", "caravan",
                    "projects", "shop,team/checkout",
                    "gerritBaseURL", "https://review.example")))
        .isEqualTo(
            "http://localhost:12000/gerrit (hook 'caravan' → https://e.example/gerrit in 2 projects"
                + " at https://review.example)");
    assertThat(summary.describe(Map.of("port", "12000", "endpoint", "/gerrit")))
        .isEqualTo("http://localhost:12000/gerrit (hooks not managed)");
  }
}
