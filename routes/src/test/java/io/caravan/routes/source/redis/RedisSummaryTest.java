package io.caravan.routes.source.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code caravan run} lines of redis events, found through the registry. */
class RedisSummaryTest {
  private static SourceSummary summary(String kamelet) {
    return ServiceLoader.load(SourceSummary.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(s -> s.kamelet().equals(kamelet))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void describesServerDatabaseAndChannels() {
    SourceSummary summary = summary("redis-source");
    assertThat(summary.heading()).isEqualTo("Redis subscriptions");
    assertThat(
            summary.describe(
                Map.of("hostAddress", "redis:6379", "db", 2, "channels", "[\"a\",\"b\"]")))
        .isEqualTo("redis:6379 db 2 channels 'a', 'b'");
  }
}
