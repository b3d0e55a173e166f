package io.caravan.routes.source.redisstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code caravan run} lines of redisStream events, found through the registry. */
class RedisStreamSummaryTest {
  private static SourceSummary summary(String kamelet) {
    return ServiceLoader.load(SourceSummary.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(s -> s.kamelet().equals(kamelet))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void describesServerDatabaseStreamsAndGroup() {
    SourceSummary summary = summary("redis-stream-source");
    assertThat(summary.heading()).isEqualTo("Redis streams");
    assertThat(
            summary.describe(
                Map.of(
                    "hostAddress",
                    "redis:6379",
                    "streams",
                    "RAW([\"orders\"])",
                    "consumerGroup",
                    "shop")))
        .isEqualTo("redis:6379 db 0 streams 'orders' in group 'shop'");
  }
}
