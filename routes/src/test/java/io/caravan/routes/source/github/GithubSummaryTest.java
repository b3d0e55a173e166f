package io.caravan.routes.source.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code caravan run} line of a github event, found through the registry. */
class GithubSummaryTest {
  @Test
  void describesTheEndpointAndWhereHooksAreManaged() {
    SourceSummary summary =
        ServiceLoader.load(SourceSummary.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(s -> s.kamelet().equals("github-source"))
            .findFirst()
            .orElseThrow();
    assertThat(summary.heading()).isEqualTo("GitHub webhooks");
    assertThat(
            summary.describe(
                Map.of(
                    "port", "12000",
                    "endpoint", "/push",
                    "apiToken", "gh/token",
                    "hookUrl", "https://e.example/push",
                    "repositories", "acme/a,acme/b")))
        .isEqualTo(
            "http://localhost:12000/push (hooks https://e.example/push on 2 repositories at"
                + " https://api.github.com/)");
    assertThat(
            summary.describe(
                Map.of(
                    "port", "12000",
                    "endpoint", "/org",
                    "githubAppPrivateKey", "app/pem",
                    "hookUrl", "https://e.example/org",
                    "organizations", "acme",
                    "githubBaseURL", "https://ghe/api/v3")))
        .isEqualTo(
            "http://localhost:12000/org (hooks https://e.example/org on 1 organization at"
                + " https://ghe/api/v3 as a GitHub App)");
    assertThat(summary.describe(Map.of("port", "12000", "endpoint", "/push")))
        .isEqualTo("http://localhost:12000/push (hooks not managed)");
  }
}
