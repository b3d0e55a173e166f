package io.caravan.routes.sensor;

import io.caravan.routes.event.ArgoEvent;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where a trigger's AND-conditions keep the latest event per dependency until they hold (inventory
 * §4.3). In memory for now; Argo keeps this state in a JetStream KV bucket named after the Sensor.
 */
public interface CorrelationStore {
  /**
   * Atomically stores {@code event} as the latest for {@code dependency} of the trigger, then tests
   * {@code condition} over the dependencies that have an event. When it holds, removes the trigger's
   * state and returns it (dependency → event); otherwise keeps it and returns empty.
   */
  Optional<Map<String, ArgoEvent>> storeAndTest(
      String sensor, String trigger, String dependency, ArgoEvent event, Predicate<Set<String>> condition);

  /** Drops all stored events of the trigger (conditions reset). */
  void clear(String sensor, String trigger);
}
