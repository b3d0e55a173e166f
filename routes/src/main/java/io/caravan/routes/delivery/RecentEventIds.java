package io.caravan.routes.delivery;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event ids a trigger has fired with recently, to drop an event that arrives again (a
 * redelivery after a lost ack, a publisher's retry the bus did not de-duplicate). Bounded twice:
 * ids older than {@code window} are forgotten (Argo keeps them 1 minute), and at most {@code
 * capacity} ids are kept (the oldest go first). Thread-safe.
 */
public final class RecentEventIds {
  /** Argo's per-trigger de-duplication window. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

  public static final int DEFAULT_CAPACITY = 100_000;

  private final long windowNanos;
  private final int capacity;

  /** id → time it was remembered (clock nanoseconds), oldest first. */
  private final LinkedHashMap<String, Long> ids = new LinkedHashMap<>();

  public RecentEventIds(Duration window, int capacity) {
    if (capacity < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(
          "a de-duplication window needs a positive duration and capacity");
    }
    this.windowNanos = window.toNanos();
    this.capacity = capacity;
  }

  public Duration window() {
    return Duration.ofNanos(windowNanos);
  }

  /** True when {@code id} was remembered less than the window before {@code nowNanos}. */
  public synchronized boolean contains(String id, long nowNanos) {
    expire(nowNanos);
    return ids.containsKey(id);
  }

  /**
   * Remembers {@code id} at {@code nowNanos}; false when it was already remembered (a duplicate).
   */
  public synchronized boolean add(String id, long nowNanos) {
    expire(nowNanos);
    if (ids.containsKey(id)) {
      return false;
    }
    ids.put(id, nowNanos);
    if (ids.size() > capacity) {
      Iterator<String> oldest = ids.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  /** Forgets {@code id} (its trigger failed, so a redelivery must run again). */
  public synchronized void remove(String id) {
    ids.remove(id);
  }

  public synchronized int size() {
    return ids.size();
  }

  private void expire(long nowNanos) {
    Iterator<Map.Entry<String, Long>> entries = ids.entrySet().iterator();
    while (entries.hasNext()) {
      if (nowNanos - entries.next().getValue() < windowNanos) {
        return; // insertion order: the rest are newer
      }
      entries.remove();
    }
  }
}
