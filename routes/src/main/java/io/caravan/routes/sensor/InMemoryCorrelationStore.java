package io.caravan.routes.sensor;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A {@link CorrelationStore} in process memory: state is lost on restart. Thread-safe. */
public final class InMemoryCorrelationStore implements CorrelationStore {
  private final ConcurrentHashMap<String, CorrelationState> triggers = new ConcurrentHashMap<>();

  @Override
  public Transition update(
      String sensor, String trigger, Function<CorrelationState, Transition> change) {
    Transition[] stored = new Transition[1];
    triggers.compute(
        key(sensor, trigger),
        (k, current) -> {
          stored[0] = change.apply(current == null ? CorrelationState.empty("") : current);
          return stored[0].next();
        });
    return stored[0];
  }

  @Override
  public CorrelationState read(String sensor, String trigger) {
    CorrelationState state = triggers.get(key(sensor, trigger));
    return state == null ? CorrelationState.empty("") : state;
  }

  @Override
  public Set<String> retainTriggers(String sensor, Set<String> keep) {
    Set<String> removed = new TreeSet<>();
    String prefix = sensor + '\u0000';
    triggers
        .keySet()
        .removeIf(
            key -> {
              if (key.startsWith(prefix) && !keep.contains(key.substring(prefix.length()))) {
                removed.add(key.substring(prefix.length()));
                return true;
              }
              return false;
            });
    return removed;
  }

  private static String key(String sensor, String trigger) {
    return sensor + '\u0000' + trigger;
  }
}
