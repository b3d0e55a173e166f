package io.caravan.routes.bus;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A warning logged at most once per interval, with how many were held back meanwhile. Thread-safe. */
final class RateLimitedWarning {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimitedWarning.class);

  private final long intervalNanos;
  private long lastAt;
  private boolean logged;
  private int heldBack;

  RateLimitedWarning(Duration interval) {
    this.intervalNanos = interval.toNanos();
  }

  synchronized void warn(String message) {
    long now = System.nanoTime();
    if (logged && now - lastAt < intervalNanos) {
      heldBack++;
      return;
    }
    LOG.warn(heldBack == 0 ? message : message + " (and " + heldBack + " more since the last warning)");
    logged = true;
    lastAt = now;
    heldBack = 0;
  }
}
