package io.caravan.routes.support.redis;

import java.time.Duration;

/**
 * The waits of a redis source between connection attempts: 100 ms, doubling, at most 5 s, for ever
 * (Argo's redis sources have no {@code connectionBackoff}; its EventSource restarts the listener).
 */
public final class RedisReconnect {
  private static final long FIRST_MILLIS = 100;
  private static final long MAX_MILLIS = 5_000;

  private RedisReconnect() {}

  /** The wait after the {@code attempt}-th failed attempt in a row (1-based). */
  public static Duration after(int attempt) {
    long wait = FIRST_MILLIS << Math.min(Math.max(attempt - 1, 0), 10);
    return Duration.ofMillis(Math.min(wait, MAX_MILLIS));
  }
}
