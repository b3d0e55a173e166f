package io.caravan.routes.delivery;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * A warning logged on {@code log} at most once per interval, with how many were held back
 * meanwhile, so an outage that fails every event writes one line a minute. Thread-safe.
 */
public final class RateLimitedWarning {
  private final Logger log;
  private final long intervalNanos;
  private long lastAt;
  private boolean logged;
  private int heldBack;

  public RateLimitedWarning(Logger log, Duration interval) {
    this.log = log;
    this.intervalNanos = interval.toNanos();
  }

  /**
   * Logs {@code message} unless one was logged less than the interval ago; true when it was logged.
   */
  public synchronized boolean warn(String message) {
    long now = System.nanoTime();
    if (logged && now - lastAt < intervalNanos) {
      heldBack++;
      return false;
    }
    log.warn(
        heldBack == 0
            ? message
            : message + " (" + heldBack + " more held back since the previous warning)");
    logged = true;
    lastAt = now;
    heldBack = 0;
    return true;
  }
}
