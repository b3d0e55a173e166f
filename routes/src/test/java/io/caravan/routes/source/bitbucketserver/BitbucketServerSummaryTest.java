package io.caravan.routes.source.bitbucketserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code caravan run} line of a bitbucketserver event, found through the registry. */
class BitbucketServerSummaryTest {
  @Test
  void describesTheEndpointAndWhereHooksAreManaged() {
    SourceSummary summary =
        ServiceLoader.load(SourceSummary.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(s -> s.kamelet().equals("bitbucketserver-source"))
            .findFirst()
            .orElseThrow();
    assertThat(summary.heading()).isEqualTo("Bitbucket Server webhooks");
    assertThat(
            summary.describe(
                Map.of(
                    "port", "12000",
                    "endpoint", "/push",
                    "accessToken", "bbs/token",
                    "hookUrl", "https://e.example/push",
                    "repositories", "A/x,B/y",
                    "projects", "OPS",
                    "bitbucketserverBaseURL", "https://bbs/rest")))
        .isEqualTo(
            "http://localhost:12000/push (hooks https://e.example/push on 2 repositories and"
                + " every repository of 1 project at https://bbs/rest)");
    assertThat(summary.describe(Map.of("port", "12000", "endpoint", "/push")))
        .isEqualTo("http://localhost:12000/push (hooks not managed)");
  }
}
