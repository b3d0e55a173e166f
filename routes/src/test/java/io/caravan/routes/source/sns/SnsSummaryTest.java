package io.caravan.routes.source.sns;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code caravan run} line of an sns event, found through the registry. */
class SnsSummaryTest {
  @Test
  void describesTheEndpointTopicAndSubscription() {
    SourceSummary summary =
        ServiceLoader.load(SourceSummary.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(s -> s.kamelet().equals("sns-source"))
            .findFirst()
            .orElseThrow();
    assertThat(summary.heading()).isEqualTo("AWS SNS subscriptions");
    assertThat(
            summary.describe(
                Map.of(
                    "port", "12000",
                    "endpoint", "/sns",
                    "topicArn", "arn:aws:sns:us-east-1:1:t",
                    "hookUrl", "https://e.example/sns",
                    "validateSignature", true)))
        .isEqualTo(
            "http://localhost:12000/sns (arn:aws:sns:us-east-1:1:t, subscribed as"
                + " https://e.example/sns, signatures checked)");
    assertThat(
            summary.describe(
                Map.of(
                    "port", "12000", "endpoint", "/sns", "topicArn", "arn:aws:sns:us-east-1:1:t")))
        .isEqualTo("http://localhost:12000/sns (arn:aws:sns:us-east-1:1:t, not subscribed)");
  }
}
