package io.caravan.routes.source.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code caravan run} line of a nats event, found through the SourceSummary registry. */
class NatsSummaryTest {
  @Test
  void describesServerSubjectAndQueueGroup() {
    SourceSummary summary =
        ServiceLoader.load(SourceSummary.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(s -> s.kamelet().equals("nats-source"))
            .findFirst()
            .orElseThrow();
    assertThat(summary.heading()).isEqualTo("NATS subscriptions");
    assertThat(
            summary.describe(
                Map.of("url", "nats://n:4222", "subject", "orders.>", "queue", "workers")))
        .isEqualTo("nats://n:4222 subject 'orders.>' in queue group 'workers'");
    assertThat(summary.describe(Map.of("url", "nats://n:4222", "subject", "a")))
        .isEqualTo("nats://n:4222 subject 'a'");
  }
}
