package io.caravan.routes.support.backoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.expr.GoDuration;
import java.io.IOException;
import java.time.Duration;

/**
 * Argo's Backoff, as a trigger's {@code retryStrategy} (inventory §4.4) and a source's {@code
 * connectionBackoff}: {@code steps} is the total number of attempts; before attempt {@code n + 1}
 * the trigger waits {@code duration × factor^(n-1)} plus a random part of up to {@code jitter}
 * times that. No {@code retryStrategy} means exactly one attempt; a {@code retryStrategy} without
 * {@code steps} (or with 0) means 5. Defaults: {@code duration} 1 s (an integer is nanoseconds, a
 * string a Go duration), {@code factor} 1.0, {@code jitter} 1.0.
 *
 * @param attempts total attempts, at least 1
 * @param duration the first wait
 * @param factor multiplier of the wait after each attempt
 * @param jitter the largest random addition, as a fraction of the wait
 */
public record RetryBackoff(int attempts, Duration duration, double factor, double jitter) {
  private static final ObjectMapper YAML = new YAMLMapper();
  static final int DEFAULT_STEPS = 5;
  static final Duration DEFAULT_DURATION = Duration.ofSeconds(1);

  /** One attempt, no retry: a trigger without {@code retryStrategy}. */
  public static final RetryBackoff ONCE = new RetryBackoff(1, DEFAULT_DURATION, 1.0, 1.0);

  public RetryBackoff {
    if (attempts < 1) {
      throw new IllegalArgumentException(
          "retryStrategy: at least one attempt is needed, not " + attempts);
    }
    if (duration.isNegative() || factor < 0 || jitter < 0) {
      throw new IllegalArgumentException(
          "retryStrategy: duration, factor and jitter must not be negative");
    }
  }

  /**
   * Reads the manifest's {@code retryStrategy} block (YAML); blank means {@link #ONCE}.
   *
   * @throws IllegalArgumentException on values Argo would refuse
   */
  public static RetryBackoff parse(String yaml) {
    if (yaml == null || yaml.isBlank()) {
      return ONCE;
    }
    JsonNode node;
    try {
      node = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException("retryStrategy: not YAML: " + e.getMessage(), e);
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      return ONCE;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          "retryStrategy: expected {steps, duration, factor, jitter}");
    }
    int steps = node.path("steps").asInt(0);
    return new RetryBackoff(
        steps <= 0 ? DEFAULT_STEPS : steps,
        duration(node.get("duration")),
        node.hasNonNull("factor") ? node.get("factor").asDouble() : 1.0,
        node.hasNonNull("jitter") ? node.get("jitter").asDouble() : 1.0);
  }

  private static Duration duration(JsonNode value) {
    if (value == null || value.isNull()) {
      return DEFAULT_DURATION;
    }
    if (value.isIntegralNumber()) {
      return Duration.ofNanos(value.asLong());
    }
    String text = value.asText().trim();
    if (text.matches("\\d+")) {
      return Duration.ofNanos(Long.parseLong(text));
    }
    try {
      return GoDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "retryStrategy.duration '"
              + text
              + "' is neither nanoseconds nor a Go duration (e.g. 500ms, 2s)",
          e);
    }
  }

  /**
   * The wait before attempt {@code attempt + 1}, after attempt {@code attempt} (1-based) failed,
   * with {@code random} in [0, 1) choosing the jitter.
   */
  public Duration delayAfter(int attempt, double random) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt numbers start at 1");
    }
    double base = duration.toNanos() * Math.pow(factor == 0 ? 1.0 : factor, attempt - 1);
    double withJitter = base + (jitter > 0 ? random * jitter * base : 0);
    return Duration.ofNanos((long) Math.min(withJitter, Long.MAX_VALUE));
  }
}
