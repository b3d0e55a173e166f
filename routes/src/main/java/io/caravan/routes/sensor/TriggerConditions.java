package io.caravan.routes.sensor;

import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.event.ExchangeKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * A trigger's {@code conditions} (inventory §4.3), declared by the generated {@code beans:} and used as
 * {@code process: {ref: …}} on the trigger route. The dependency comes from exchange property
 * {@link ExchangeKeys#DEPENDENCY}, the event is the {@link ArgoEvent} body.
 *
 * <p>Without {@code &&} every event fires at once with a one-entry map. With {@code &&} the event is
 * stored as the latest for its dependency ({@link CorrelationStore}); when the expression holds over
 * "dependency has an event" the body becomes a {@code LinkedHashMap<String, ArgoEvent>} of every stored
 * event (in the expression's name order), {@link ExchangeKeys#FIRED} is set and the trigger's state is
 * cleared; otherwise the route stops.
 */
public class TriggerConditions implements Processor {
  private String sensorName;
  private String triggerName;
  private ConditionExpression conditions;
  private CorrelationStore correlationStore = new InMemoryCorrelationStore();

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

  /** @throws IllegalArgumentException when the expression does not parse */
  public void setConditions(String expression) {
    try {
      this.conditions = ConditionExpression.parse(expression);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Sensor '" + sensorName + "' trigger '" + triggerName + "': " + e.getMessage(), e);
    }
  }

  public CorrelationStore getCorrelationStore() {
    return correlationStore;
  }

  public void setCorrelationStore(CorrelationStore correlationStore) {
    this.correlationStore = correlationStore;
  }

  @Override
  public void process(Exchange exchange) {
    if (conditions == null) {
      throw new IllegalStateException(where() + "no conditions set");
    }
    String dependency = exchange.getProperty(ExchangeKeys.DEPENDENCY, String.class);
    Object body = exchange.getMessage().getBody();
    if (!(body instanceof ArgoEvent)) {
      throw new IllegalArgumentException(where() + "body is "
          + (body == null ? "empty" : body.getClass().getName()) + ", not an ArgoEvent");
    }
    if (dependency == null || !conditions.names().contains(dependency)) {
      throw new IllegalArgumentException(where() + "event for dependency '" + dependency
          + "', which the conditions '" + conditions + "' do not name");
    }
    ArgoEvent event = (ArgoEvent) body;
    Map<String, ArgoEvent> events;
    if (!conditions.requiresAnd()) {
      events = new LinkedHashMap<>();
      events.put(dependency, event);
    } else {
      Optional<Map<String, ArgoEvent>> fired =
          correlationStore.storeAndTest(sensorName, triggerName, dependency, event, conditions::test);
      if (fired.isEmpty()) {
        exchange.setRouteStop(true);
        return;
      }
      events = new LinkedHashMap<>();
      for (String name : conditions.names()) {
        ArgoEvent stored = fired.get().get(name);
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

  private String where() {
    return "Sensor '" + sensorName + "' trigger '" + triggerName + "': ";
  }
}
