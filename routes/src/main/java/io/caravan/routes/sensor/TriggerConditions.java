package io.caravan.routes.sensor;

import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.event.ExchangeKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Component;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trigger's {@code conditions} (inventory §4.3), declared by the generated {@code beans:} and
 * used as {@code process: {ref: …}} on the trigger route. The dependency comes from exchange
 * property {@link ExchangeKeys#DEPENDENCY}, the event is the {@link ArgoEvent} body.
 *
 * <p>Without {@code &&} every event fires at once with a one-entry map. With {@code &&} the event
 * is stored as the latest for its dependency in the Sensor's {@link CorrelationStore} (the bus's:
 * JetStream KV or memory); when the expression holds over "dependency has an event" the body
 * becomes a {@code LinkedHashMap<String, ArgoEvent>} of every stored event (in the expression's
 * name order), {@link ExchangeKeys#FIRED} is set and the trigger's state is cleared; otherwise the
 * route stops.
 *
 * <p>State stored under another {@code definition} (the trigger's conditions or dependencies
 * changed) is dropped; events stored before a {@code conditionsReset} firing are dropped ({@link
 * ConditionsReset}).
 */
public class TriggerConditions implements Processor, CamelContextAware {
  private static final Logger LOG = LoggerFactory.getLogger(TriggerConditions.class);

  private String sensorName;
  private String triggerName;
  private ConditionExpression conditions;
  private String definition = "";
  private ConditionsReset conditionsReset = ConditionsReset.none();
  private volatile CorrelationStore correlationStore;
  private CamelContext camelContext;
  private Clock clock = Clock.systemUTC();

  public String getSensorName() {
    return sensorName;
  }

  public void setSensorName(String sensorName) {
    this.sensorName = sensorName;
  }

  public String getTriggerName() {
    return triggerName;
  }

  public void setTriggerName(String triggerName) {
    this.triggerName = triggerName;
  }

  public String getConditions() {
    return conditions == null ? null : conditions.toString();
  }

  /**
   * @throws IllegalArgumentException when the expression does not parse
   */
  public void setConditions(String expression) {
    try {
      this.conditions = ConditionExpression.parse(expression);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where() + e.getMessage(), e);
    }
  }

  public String getDefinition() {
    return definition;
  }

  /**
   * Hash of the trigger's conditions and dependencies (written by the generator); state under
   * another is stale.
   */
  public void setDefinition(String definition) {
    this.definition = definition == null ? "" : definition;
  }

  public String getConditionsReset() {
    return conditionsReset.toString();
  }

  /** The manifest's {@code conditionsReset} list as YAML. */
  public void setConditionsReset(String yaml) {
    try {
      this.conditionsReset = ConditionsReset.parse(yaml);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where() + e.getMessage(), e);
    }
  }

  /** The store to use instead of the bus's. */
  public void setCorrelationStore(CorrelationStore correlationStore) {
    this.correlationStore = correlationStore;
  }

  /** The store in use: the one set, else the bus component's for this Sensor, else memory. */
  public CorrelationStore getCorrelationStore() {
    CorrelationStore store = correlationStore;
    if (store == null) {
      synchronized (this) {
        if (correlationStore == null) {
          correlationStore = lookUpStore();
        }
        store = correlationStore;
      }
    }
    return store;
  }

  void setClock(Clock clock) {
    this.clock = clock;
  }

  @Override
  public CamelContext getCamelContext() {
    return camelContext;
  }

  @Override
  public void setCamelContext(CamelContext camelContext) {
    this.camelContext = camelContext;
  }

  @Override
  public void process(Exchange exchange) {
    if (conditions == null) {
      throw new IllegalStateException(where() + "no conditions set");
    }
    String dependency = exchange.getProperty(ExchangeKeys.DEPENDENCY, String.class);
    Object body = exchange.getMessage().getBody();
    if (!(body instanceof ArgoEvent)) {
      throw new IllegalArgumentException(
          where()
              + "body is "
              + (body == null ? "empty" : body.getClass().getName())
              + ", not an ArgoEvent");
    }
    if (dependency == null || !conditions.names().contains(dependency)) {
      throw new IllegalArgumentException(
          where()
              + "event for dependency '"
              + dependency
              + "', which the conditions '"
              + conditions
              + "' do not name");
    }
    ArgoEvent event = (ArgoEvent) body;
    Map<String, ArgoEvent> events;
    if (!conditions.requiresAnd()) {
      events = new LinkedHashMap<>();
      events.put(dependency, event);
    } else {
      Map<String, ArgoEvent> fired = storeAndTest(dependency, event);
      if (fired == null) {
        exchange.setRouteStop(true);
        return;
      }
      events = new LinkedHashMap<>();
      for (String name : conditions.names()) {
        ArgoEvent stored = fired.get(name);
        if (stored != null) {
          events.put(name, stored);
        }
      }
    }
    exchange.getMessage().setBody(events);
    exchange.setProperty(ExchangeKeys.FIRED, true);
    exchange.setProperty(ExchangeKeys.SENSOR, sensorName);
    exchange.setProperty(ExchangeKeys.TRIGGER, triggerName);
  }

  /** Stores the event and tests the conditions in one atomic update; the fired events or null. */
  private Map<String, ArgoEvent> storeAndTest(String dependency, ArgoEvent event) {
    Instant now = clock.instant();
    CorrelationStore.Transition transition =
        getCorrelationStore()
            .update(
                sensorName,
                triggerName,
                stored -> {
                  CorrelationState state =
                      stored
                          .forDefinition(definition)
                          .without(kept -> conditionsReset.expired(kept.storedAt(), now))
                          .with(dependency, event, now);
                  if (conditions.test(state.events().keySet())) {
                    return new CorrelationStore.Transition(
                        CorrelationState.empty(definition), state.eventsByDependency());
                  }
                  return new CorrelationStore.Transition(state, null);
                });
    return transition.fired();
  }

  private CorrelationStore lookUpStore() {
    if (camelContext != null) {
      Component component = camelContext.getComponent(CorrelationStoreProvider.COMPONENT, false);
      if (component instanceof CorrelationStoreProvider provider) {
        try {
          CorrelationStore store = provider.correlationStore(sensorName);
          purgeStaleState(store);
          purgeRemovedTriggers(store);
          return store;
        } catch (Exception e) {
          throw new IllegalStateException(
              where() + "cannot open the correlation store: " + e.getMessage(), e);
        }
      }
    }
    return new InMemoryCorrelationStore();
  }

  /**
   * Drops state stored under another definition at first use, so it is gone even if no event comes.
   */
  private void purgeStaleState(CorrelationStore store) {
    CorrelationState stored = store.read(sensorName, triggerName);
    if (!stored.isEmpty() && !stored.definition().equals(definition)) {
      LOG.info(
          "{}dropping {} stored event(s) of a previous definition of the trigger",
          where(),
          stored.events().size());
      store.update(
          sensorName,
          triggerName,
          state -> new CorrelationStore.Transition(state.forDefinition(definition), null));
    }
  }

  /**
   * Deletes the stored state of triggers the Sensor no longer has (as Argo does at start): the
   * Sensor's triggers are the conditions beans of the same Sensor in this runtime (every trigger
   * has one).
   */
  private void purgeRemovedTriggers(CorrelationStore store) {
    java.util.Set<String> triggers = new java.util.TreeSet<>();
    for (TriggerConditions bean : camelContext.getRegistry().findByType(TriggerConditions.class)) {
      if (sensorName.equals(bean.sensorName)) {
        triggers.add(bean.triggerName);
      }
    }
    if (triggers.contains(triggerName)) {
      java.util.Set<String> removed = store.retainTriggers(sensorName, triggers);
      if (!removed.isEmpty()) {
        LOG.info(
            "Sensor '{}': dropped the stored state of removed trigger(s) {}", sensorName, removed);
      }
    }
  }

  private String where() {
    return "Sensor '" + sensorName + "' trigger '" + triggerName + "': ";
  }
}
