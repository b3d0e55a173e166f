package io.caravan.routes.sensor;

import io.caravan.routes.event.ArgoEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** A {@link CorrelationStore} in process memory: state is lost on restart. Thread-safe. */
public final class InMemoryCorrelationStore implements CorrelationStore {
  private final ConcurrentHashMap<String, Map<String, ArgoEvent>> triggers = new ConcurrentHashMap<>();

  @Override
  public Optional<Map<String, ArgoEvent>> storeAndTest(
      String sensor, String trigger, String dependency, ArgoEvent event, Predicate<Set<String>> condition) {
    @SuppressWarnings("unchecked")
    Map<String, ArgoEvent>[] fired = new Map[1];
    triggers.compute(key(sensor, trigger), (k, stored) -> {
      Map<String, ArgoEvent> events = stored == null ? new HashMap<>() : stored;
      events.put(dependency, event);
      if (condition.test(events.keySet())) {
        fired[0] = Map.copyOf(events);
        return null;
      }
      return events;
    });
    return Optional.ofNullable(fired[0]);
  }

  @Override
  public void clear(String sensor, String trigger) {
    triggers.remove(key(sensor, trigger));
  }

  private static String key(String sensor, String trigger) {
    return sensor + '\u0000' + trigger;
  }
}
