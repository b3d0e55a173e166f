package io.caravan.routes.sensor;

import io.caravan.routes.event.ArgoEvent;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where a trigger's AND-conditions keep their {@link CorrelationState} until they hold (inventory
 * §4.3): in process memory for the in-memory bus, in a JetStream KV bucket named after the Sensor
 * for the JetStream bus (it survives restarts and is shared by a Sensor's replicas).
 */
public interface CorrelationStore {

  /**
   * The result of one change: the state to store and, when the trigger fires, the events it fires
   * with.
   *
   * @param next the new state (never null; an empty state once the trigger fired)
   * @param fired dependency → event when the conditions hold, else null
   */
  record Transition(CorrelationState next, Map<String, ArgoEvent> fired) {}

  /**
   * Atomically replaces the trigger's state by {@code change} applied to it (an empty state with
   * definition {@code ""} when there is none). {@code change} may run more than once when another
   * process changed the state at the same time (compare-and-set, retried), so it must have no side
   * effects. Returns the transition that was stored.
   */
  Transition update(String sensor, String trigger, Function<CorrelationState, Transition> change);

  /** The trigger's stored state (an empty one with definition {@code ""} when there is none). */
  CorrelationState read(String sensor, String trigger);

  /** Drops all stored events of the trigger, keeping its definition. */
  default void clear(String sensor, String trigger) {
    update(
        sensor, trigger, state -> new Transition(CorrelationState.empty(state.definition()), null));
  }

  /**
   * Deletes the state of every trigger of the Sensor not in {@code triggers} (triggers removed from
   * the Sensor, as Argo does at start). Returns the names of the triggers whose state was deleted.
   */
  Set<String> retainTriggers(String sensor, Set<String> triggers);
}
