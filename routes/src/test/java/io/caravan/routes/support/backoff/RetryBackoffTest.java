package io.caravan.routes.support.backoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  @Test
  void noRetryStrategyMeansExactlyOneAttempt() {
    assertThat(RetryBackoff.parse(null).attempts()).isEqualTo(1);
    assertThat(RetryBackoff.parse("  ").attempts()).isEqualTo(1);
  }

  @Test
  void aRetryStrategyWithoutStepsMeansFiveAttemptsWithArgosDefaults() {
    RetryBackoff backoff = RetryBackoff.parse("duration: 2s");
    assertThat(backoff.attempts()).isEqualTo(5);
    assertThat(backoff.duration()).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.factor()).isEqualTo(1.0);
    assertThat(backoff.jitter()).isEqualTo(1.0);
    assertThat(RetryBackoff.parse("steps: 0").attempts()).isEqualTo(5);
    assertThat(RetryBackoff.parse("steps: 0").duration()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void stepsCountsTotalAttempts() {
    assertThat(RetryBackoff.parse("steps: 3").attempts()).isEqualTo(3);
  }

  @Test
  void anIntegerDurationIsNanosecondsAndAStringIsAGoDuration() {
    assertThat(RetryBackoff.parse("duration: 250000000").duration())
        .isEqualTo(Duration.ofMillis(250));
    assertThat(RetryBackoff.parse("duration: \"1000000\"").duration())
        .isEqualTo(Duration.ofMillis(1));
    assertThat(RetryBackoff.parse("duration: 1m30s").duration()).isEqualTo(Duration.ofSeconds(90));
    assertThatThrownBy(() -> RetryBackoff.parse("duration: soon"))
        .hasMessageContaining("Go duration");
  }

  @Test
  void waitsGrowByFactorWithoutJitter() {
    RetryBackoff backoff = RetryBackoff.parse("steps: 4\nduration: 100ms\nfactor: 2\njitter: 0");
    assertThat(backoff.delayAfter(1, 0.99)).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.delayAfter(2, 0.99)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.delayAfter(3, 0.99)).isEqualTo(Duration.ofMillis(400));
  }

  @Test
  void jitterAddsUpToJitterTimesTheWait() {
    RetryBackoff backoff = RetryBackoff.parse("duration: 1s\nfactor: 1.5\njitter: 0.5");
    assertThat(backoff.delayAfter(1, 0.0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delayAfter(1, 0.5)).isEqualTo(Duration.ofMillis(1250));
    assertThat(backoff.delayAfter(2, 0.0)).isEqualTo(Duration.ofMillis(1500));
    assertThat(backoff.delayAfter(2, 1.0)).isEqualTo(Duration.ofMillis(2250));
    // Argo's default jitter 1.0: up to twice the wait.
    assertThat(RetryBackoff.parse("steps: 2").delayAfter(1, 0.75))
        .isEqualTo(Duration.ofMillis(1750));
  }

  @Test
  void rejectsNegativeValues() {
    assertThatThrownBy(() -> RetryBackoff.parse("factor: -1")).hasMessageContaining("negative");
    assertThatThrownBy(() -> RetryBackoff.parse("[1, 2]")).hasMessageContaining("expected");
  }
}
