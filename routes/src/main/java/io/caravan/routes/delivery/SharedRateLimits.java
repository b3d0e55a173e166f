package io.caravan.routes.delivery;

import java.time.Duration;

/**
 * The token buckets of one Sensor's rate-limited triggers, shared by all its replicas: each trigger
 * has one bucket whatever the number of runtimes, with the semantics of {@link TriggerRateLimit} on
 * wall-clock time.
 */
public interface SharedRateLimits {
  /**
   * Takes a token from the shared bucket of {@code trigger} and returns how long the caller must
   * wait before it may execute (zero while the bucket has tokens).
   *
   * @throws RuntimeException when the shared state cannot be read or written (the caller falls
   *     back)
   */
  Duration reserve(String trigger, TriggerRateLimit limit);
}
