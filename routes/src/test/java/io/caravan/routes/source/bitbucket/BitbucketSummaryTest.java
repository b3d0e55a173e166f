package io.caravan.routes.source.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code caravan run} line of a bitbucket event, found through the registry. */
class BitbucketSummaryTest {
  @Test
  void describesTheEndpointAndTheHooks() {
    SourceSummary summary =
        ServiceLoader.load(SourceSummary.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(s -> s.kamelet().equals("bitbucket-source"))
            .findFirst()
            .orElseThrow();
    assertThat(summary.heading()).isEqualTo("Bitbucket webhooks");
    assertThat(
            summary.describe(
                Map.of(
                    "port", "12000",
                    "endpoint", "/push",
                    "oauthToken", "bb/token",
                    "hookUrl", "https://e.example/push",
                    "repositories", "acme/app")))
        .isEqualTo("http://localhost:12000/push (hooks https://e.example/push on 1 repository)");
    assertThat(summary.describe(Map.of("port", "12000", "endpoint", "/push")))
        .isEqualTo("http://localhost:12000/push (hooks not managed)");
  }
}
