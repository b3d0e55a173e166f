package io.caravan.routes.delivery;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The {@code rateLimit} a trigger's attempts obey: the Sensor's shared bucket when the bus has one
 * (JetStream KV, one bucket for every replica), else this runtime's {@link TriggerRateLimit}. When
 * the shared bucket fails (NATS unreachable, KV errors) the attempt takes a token from the
 * runtime's own bucket instead, with a rate-limited warning ({@link SharedStateAccess}).
 * Thread-safe.
 */
final class TriggerRateLimiter {
  private final String triggerName;
  private final TriggerRateLimit limit;
  private final SharedStateAccess<SharedRateLimits> shared;

  TriggerRateLimiter(
      String where, String triggerName, TriggerRateLimit limit, Callable<SharedRateLimits> lookUp) {
    this.triggerName = triggerName;
    this.limit = limit;
    this.shared =
        new SharedStateAccess<>(where, "rate limit", "this runtime's own token bucket", lookUp);
  }

  /** Takes a token; returns how long the attempt must wait for it (zero while tokens are left). */
  Duration reserve() {
    Duration wait = shared.call(limits -> limits.reserve(triggerName, limit));
    return wait != null ? wait : limit.reserve(System.nanoTime());
  }

  TriggerRateLimit limit() {
    return limit;
  }
}
