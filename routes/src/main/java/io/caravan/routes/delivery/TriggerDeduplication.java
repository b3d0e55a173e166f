package io.caravan.routes.delivery;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Whether a set of event ids may fire a trigger, or is a duplicate of one that fired within the
 * window.
 *
 * <ol>
 *   <li>This runtime: {@link RecentEventIds} remembers every set it started (in flight or done), so
 *       a redelivery to the same runtime is dropped even while the first run is going on.
 *   <li>The other replicas (JetStream bus): the Sensor's {@link SharedFiredEventIds}, read before
 *       firing. A set is written there only after its trigger succeeded ({@link #recordFired}): a
 *       record never stands for a run that did not happen, so a replica that crashed before its run
 *       never makes another drop the event.
 * </ol>
 *
 * When the shared record fails, only this runtime's check applies, with a rate-limited warning
 * ({@link SharedStateAccess}). Thread-safe.
 */
final class TriggerDeduplication {
  /** Where a set was seen before. */
  enum Seen {
    NOT_SEEN,
    IN_THIS_RUNTIME,
    BY_A_REPLICA
  }

  private final String triggerName;
  private final RecentEventIds local;
  private final SharedStateAccess<SharedFiredEventIds> shared;

  TriggerDeduplication(
      String where,
      String triggerName,
      RecentEventIds local,
      Callable<SharedFiredEventIds> lookUp) {
    this.triggerName = triggerName;
    this.local = local;
    this.shared =
        new SharedStateAccess<>(
            where, "de-duplication record", "only this runtime's de-duplication", lookUp);
  }

  /**
   * Checks {@code eventIds}; when not seen, this runtime remembers it as started (the caller fires
   * it). The replicas' record is read only for a {@code redelivered} event: an event the bus
   * delivers for the first time (the stream drops a re-published event id) cannot have fired a
   * trigger anywhere yet, so the common case costs no bus round trip.
   */
  Seen check(String eventIds, boolean redelivered) {
    if (!local.add(eventIds, System.nanoTime())) {
      return Seen.IN_THIS_RUNTIME;
    }
    if (redelivered
        && Boolean.TRUE.equals(
            shared.call(record -> record.firedRecently(triggerName, eventIds)))) {
      // The replica's record alone decides how long it counts as a duplicate.
      local.remove(eventIds);
      return Seen.BY_A_REPLICA;
    }
    return Seen.NOT_SEEN;
  }

  /**
   * The trigger ran successfully with {@code eventIds}: the other replicas drop them from now on.
   */
  void recordFired(String eventIds) {
    shared.call(
        record -> {
          record.recordFired(triggerName, eventIds);
          return Boolean.TRUE;
        });
  }

  /**
   * Forgets {@code eventIds} in this runtime (its run was cut short: the redelivery must run it).
   */
  void forget(String eventIds) {
    local.remove(eventIds);
  }

  /** The window of a duplicate seen {@code where}. */
  Duration window(Seen where) {
    Duration shared =
        where == Seen.BY_A_REPLICA ? this.shared.call(SharedFiredEventIds::window) : null;
    return shared != null ? shared : local.window();
  }
}
