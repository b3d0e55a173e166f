package io.caravan.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TriggerRateLimitTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void absentOrZeroRequestsMeansNoLimit() {
    assertThat(TriggerRateLimit.parse(null)).isNull();
    assertThat(TriggerRateLimit.parse("unit: Minute")).isNull();
    assertThat(TriggerRateLimit.parse("unit: Minute\nrequestsPerUnit: 0")).isNull();
  }

  @Test
  void unitDefaultsToSecondAndAcceptsMinuteAndHour() {
    assertThat(TriggerRateLimit.parse("requestsPerUnit: 2").unitDuration())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(TriggerRateLimit.parse("unit: Minute\nrequestsPerUnit: 2").unitDuration())
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(TriggerRateLimit.parse("unit: Hour\nrequestsPerUnit: 2").unitDuration())
        .isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(() -> TriggerRateLimit.parse("unit: Day\nrequestsPerUnit: 2"))
        .hasMessageContaining("Second, Minute or Hour");
  }

  @Test
  void aFullBucketLetsABurstOfRequestsPerUnitThroughThenOnePerInterval() {
    TriggerRateLimit limit = TriggerRateLimit.parse("unit: Second\nrequestsPerUnit: 4");
    long now = 10 * SECOND;
    for (int i = 0; i < 4; i++) {
      assertThat(limit.reserve(now)).as("request %d of the burst", i + 1).isZero();
    }
    // One token every 250 ms: the 5th, 6th and 7th request wait 250, 500 and 750 ms.
    assertThat(limit.reserve(now)).isEqualTo(Duration.ofMillis(250));
    assertThat(limit.reserve(now)).isEqualTo(Duration.ofMillis(500));
    assertThat(limit.reserve(now)).isEqualTo(Duration.ofMillis(750));
  }

  @Test
  void tokensComeBackWithTimeButNeverBeyondTheBurst() {
    TriggerRateLimit limit = TriggerRateLimit.parse("unit: Minute\nrequestsPerUnit: 2");
    long now = 0;
    assertThat(limit.reserve(now)).isZero();
    assertThat(limit.reserve(now)).isZero();
    assertThat(limit.reserve(now)).isEqualTo(Duration.ofSeconds(30));
    // Long idle: the bucket is full again (2 tokens), not more.
    now += 3600 * SECOND;
    assertThat(limit.reserve(now)).isZero();
    assertThat(limit.reserve(now)).isZero();
    assertThat(limit.reserve(now)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void sustainedRateIsRequestsPerUnit() {
    TriggerRateLimit limit = TriggerRateLimit.parse("unit: Second\nrequestsPerUnit: 10");
    long now = 0;
    int allowed = 0;
    // Callers that wait as told: count how many start within the first 3 seconds.
    for (int i = 0; i < 100; i++) {
      long startsAt = now + limit.reserve(now).toNanos();
      if (startsAt < 3 * SECOND) {
        allowed++;
      }
      now = startsAt;
    }
    // The burst of 10 at once, then one every 100 ms (0.1 s … 2.9 s): 10 + 29.
    assertThat(allowed).isEqualTo(39);
  }

  @Test
  void acquireSleepsForItsToken() throws InterruptedException {
    TriggerRateLimit limit = TriggerRateLimit.parse("unit: Second\nrequestsPerUnit: 20");
    long begin = System.nanoTime();
    for (int i = 0; i < 25; i++) {
      limit.acquire();
    }
    // 20 at once, then 5 more at 50 ms intervals: about 250 ms.
    assertThat(Duration.ofNanos(System.nanoTime() - begin))
        .isBetween(Duration.ofMillis(200), Duration.ofSeconds(2));
  }
}
