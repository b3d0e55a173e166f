package io.caravan.routes.source.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code caravan run} line of a gitlab event, found through the registry. */
class GitlabSummaryTest {
  @Test
  void describesTheEndpointAndWhereHooksAreManaged() {
    SourceSummary summary =
        ServiceLoader.load(SourceSummary.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(s -> s.kamelet().equals("gitlab-source"))
            .findFirst()
            .orElseThrow();
    assertThat(summary.heading()).isEqualTo("GitLab webhooks");
    assertThat(
            summary.describe(
                Map.of(
                    "port", "12000",
                    "endpoint", "/push",
                    "accessToken", "gl/token",
                    "secretToken", "gl/hook",
                    "hookUrl", "https://e.example/push",
                    "projects", "a/b,7",
                    "groups", "a",
                    "gitlabBaseURL", "https://gitlab.example.com")))
        .isEqualTo(
            "http://localhost:12000/push (hooks https://e.example/push on 2 projects and 1 group at"
                + " https://gitlab.example.com/api/v4/, X-Gitlab-Token checked)");
    assertThat(summary.describe(Map.of("port", "12000", "endpoint", "/push")))
        .isEqualTo("http://localhost:12000/push (hooks not managed, X-Gitlab-Token not checked)");
  }
}
