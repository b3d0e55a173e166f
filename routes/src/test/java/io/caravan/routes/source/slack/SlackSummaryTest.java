package io.caravan.routes.source.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code caravan run} line of a slack event, found through the registry. */
class SlackSummaryTest {
  @Test
  void describesTheRequestUrl() {
    SourceSummary summary =
        ServiceLoader.load(SourceSummary.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(s -> s.kamelet().equals("slack-source"))
            .findFirst()
            .orElseThrow();
    assertThat(summary.heading()).isEqualTo("Slack apps");
    assertThat(summary.describe(Map.of("port", "12000", "endpoint", "/slack")))
        .isEqualTo("http://localhost:12000/slack (request URL, signed requests only)");
    assertThat(
            summary.describe(
                Map.of("port", "443", "endpoint", "/s", "serverCertSecret", "tls/crt")))
        .startsWith("https://localhost:443/s");
  }
}
