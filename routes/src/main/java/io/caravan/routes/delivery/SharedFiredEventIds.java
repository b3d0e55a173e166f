package io.caravan.routes.delivery;

import java.time.Duration;

/**
 * The sets of event ids that fired one Sensor's triggers within the last {@link #window()}, shared
 * by all its replicas, so that an event redelivered to another replica after its trigger ran is
 * dropped there. A set is recorded only after its trigger succeeded.
 */
public interface SharedFiredEventIds {
  /** How long a recorded set is remembered. */
  Duration window();

  /**
   * True when {@code eventIds} fired {@code trigger} within the window (in any replica).
   *
   * @throws RuntimeException when the shared record cannot be read (the caller falls back)
   */
  boolean firedRecently(String trigger, String eventIds);

  /**
   * Records that {@code eventIds} fired {@code trigger} (its run succeeded).
   *
   * @throws RuntimeException when the shared record cannot be written (the caller falls back)
   */
  void recordFired(String trigger, String eventIds);
}
