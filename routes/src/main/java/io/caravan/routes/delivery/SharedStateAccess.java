package io.caravan.routes.delivery;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One trigger's access to one kind of delivery state shared between replicas (looked up from the
 * bus on first use), and the fallback when it fails: the call answers null, so the caller uses this
 * runtime's own state; the shared state is not tried again for {@link #RETRY_PAUSE} (a NATS server
 * that is down costs no wait per event); a warning is logged at most once per {@link
 * #WARNING_INTERVAL}, counting the calls that fell back since the last one, and an info line when
 * the shared state works again. Thread-safe; the calls themselves run outside its lock.
 *
 * @param <T> the shared state ({@link SharedRateLimits}, {@link SharedFiredEventIds})
 */
final class SharedStateAccess<T> {
  private static final Logger LOG = LoggerFactory.getLogger(SharedStateAccess.class);
  static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
  static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

  private final String where;
  private final String what;
  private final String fallback;
  private final Callable<T> lookUp;

  private boolean lookedUp;
  private T shared;
  private volatile boolean failing;
  private long retryAt;
  private long fallbacks;
  private final RateLimitedWarning warning = new RateLimitedWarning(LOG, WARNING_INTERVAL);

  /**
   * @param where the log prefix naming the Sensor and trigger
   * @param what the shared state, for logs ("rate limit")
   * @param fallback what is used instead, for logs ("this runtime's own token bucket")
   * @param lookUp finds the shared state; null when the bus shares none (the in-memory bus)
   */
  SharedStateAccess(String where, String what, String fallback, Callable<T> lookUp) {
    this.where = where;
    this.what = what;
    this.fallback = fallback;
    this.lookUp = lookUp;
  }

  /**
   * Applies {@code call} (which never answers null) to the shared state. Null when there is none,
   * or when it is failing: then the caller uses its own state for this call.
   */
  <R> R call(Function<T, R> call) {
    T state;
    synchronized (this) {
      long now = System.nanoTime();
      if (failing && now - retryAt < 0) {
        fallbacks++;
        return null;
      }
      if (!lookedUp) {
        try {
          shared = lookUp.call();
          lookedUp = true;
        } catch (Exception e) {
          failed(e, now);
          return null;
        }
      }
      state = shared;
    }
    if (state == null) {
      return null;
    }
    try {
      R result = call.apply(state);
      if (failing) {
        recovered();
      }
      return result;
    } catch (RuntimeException e) {
      synchronized (this) {
        failed(e, System.nanoTime());
      }
      return null;
    }
  }

  /** True while the shared state is failing (calls fall back). */
  boolean failing() {
    return failing;
  }

  private void failed(Exception error, long now) {
    failing = true;
    retryAt = now + RETRY_PAUSE.toNanos();
    fallbacks++;
    if (warning.warn(
        where
            + "the shared "
            + what
            + " is unavailable ("
            + error.getMessage()
            + "); using "
            + fallback
            + " for now ("
            + fallbacks
            + " call(s) fell back since the previous warning; this warning comes"
            + " at most every "
            + WARNING_INTERVAL.toSeconds()
            + " s)")) {
      fallbacks = 0;
    }
  }

  private synchronized void recovered() {
    if (failing) {
      failing = false;
      LOG.info(
          "{}the shared {} works again ({} call(s) fell back since the last warning)",
          where,
          what,
          fallbacks);
      fallbacks = 0;
    }
  }
}
