package io.caravan.routes.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.time.Duration;

/**
 * A trigger's {@code rateLimit} (inventory §4.4): at most {@code requestsPerUnit} executions per
 * {@code unit} ({@code Second} by default, {@code Minute}, {@code Hour}), as a token bucket that
 * holds {@code requestsPerUnit} tokens (the burst) and gains one every {@code unit /
 * requestsPerUnit}, like Argo's limiter. Each execution (each attempt) takes a token, waiting for
 * one when the bucket is empty. This object is the runtime's own bucket ({@link #reserve(long)});
 * replicas on JetStream share one bucket in KV instead, moved on by the same step ({@link
 * #reserveFrom}) under compare-and-set ({@link TriggerRateLimiter}). Thread-safe.
 */
public final class TriggerRateLimit {
  private static final ObjectMapper YAML = new YAMLMapper();

  private final int requestsPerUnit;
  private final Duration unit;
  private final long nanosPerToken;
  private final long burstTolerance;

  /**
   * Theoretical arrival time of the next token (clock nanoseconds); the bucket is full when it is
   * past.
   */
  private long nextTokenAt = NEVER_USED;

  /** The next-token time of a bucket that never gave a token: it is full. */
  public static final long NEVER_USED = Long.MIN_VALUE;

  /**
   * The outcome of taking a token: the bucket's next-token time afterwards, and how long the taker
   * waits.
   */
  public record Reservation(long nextTokenAt, Duration delay) {}

  public TriggerRateLimit(int requestsPerUnit, Duration unit) {
    if (requestsPerUnit < 1) {
      throw new IllegalArgumentException(
          "rateLimit.requestsPerUnit must be at least 1, not " + requestsPerUnit);
    }
    this.requestsPerUnit = requestsPerUnit;
    this.unit = unit;
    this.nanosPerToken = Math.max(1, unit.toNanos() / requestsPerUnit);
    this.burstTolerance = (requestsPerUnit - 1) * nanosPerToken;
  }

  /**
   * Reads the manifest's {@code rateLimit} block (YAML); blank, or {@code requestsPerUnit} absent
   * or 0, means no limit (null).
   */
  public static TriggerRateLimit parse(String yaml) {
    if (yaml == null || yaml.isBlank()) {
      return null;
    }
    JsonNode node;
    try {
      node = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException("rateLimit: not YAML: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      return null;
    }
    int requests = node.path("requestsPerUnit").asInt(0);
    if (requests <= 0) {
      return null;
    }
    return new TriggerRateLimit(requests, unit(node.path("unit").asText("")));
  }

  static Duration unit(String name) {
    return switch (name) {
      case "", "Second" -> Duration.ofSeconds(1);
      case "Minute" -> Duration.ofMinutes(1);
      case "Hour" -> Duration.ofHours(1);
      default ->
          throw new IllegalArgumentException(
              "rateLimit.unit '" + name + "' must be Second, Minute or Hour");
    };
  }

  public int requestsPerUnit() {
    return requestsPerUnit;
  }

  public Duration unitDuration() {
    return unit;
  }

  /**
   * Takes a token at {@code nowNanos} (any monotonic clock) and returns how long the caller must
   * wait before it may execute: zero while the bucket has tokens. Waiting callers queue: each
   * reservation moves the bucket on.
   */
  public synchronized Duration reserve(long nowNanos) {
    Reservation reservation = reserveFrom(nextTokenAt, nowNanos);
    nextTokenAt = reservation.nextTokenAt();
    return reservation.delay();
  }

  /**
   * The token-bucket step without state: takes a token at {@code nowNanos} from a bucket whose next
   * token arrives at {@code nextTokenAt} ({@link #NEVER_USED}, or any time before {@code nowNanos}:
   * the bucket is full). Both times are on the same clock; a bucket shared between processes uses
   * wall-clock nanoseconds since the epoch.
   */
  public Reservation reserveFrom(long nextTokenAt, long nowNanos) {
    long next = Math.max(nextTokenAt, nowNanos); // idle: the bucket refilled, up to the burst
    long startAt = Math.max(nowNanos, next - burstTolerance);
    return new Reservation(next + nanosPerToken, Duration.ofNanos(startAt - nowNanos));
  }

  /** Takes a token, sleeping as long as {@link #reserve} says. */
  public void acquire() throws InterruptedException {
    Duration wait = reserve(System.nanoTime());
    if (!wait.isZero()) {
      Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
    }
  }
}
