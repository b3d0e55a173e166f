package io.caravan.routes.bus;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * {@code eventbus:<eventSource>/<event>}: publishes to, or consumes from, subject {@code
 * default.<eventSource>.<event>}. Consumer options: {@code durableName} (required), {@code
 * sensorName}, {@code triggerName}, {@code dependencyName}.
 */
public class EventBusEndpoint extends DefaultEndpoint {
  private final String eventSource;
  private final String event;
  private String durableName;
  private String sensorName;
  private String triggerName;
  private String dependencyName;

  EventBusEndpoint(String uri, EventBusComponent component, String eventSource, String event) {
    super(uri, component);
    this.eventSource = eventSource;
    this.event = event;
  }

  @Override
  public EventBusComponent getComponent() {
    return (EventBusComponent) super.getComponent();
  }

  @Override
  public Producer createProducer() {
    return new EventBusProducer(this);
  }

  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    if (durableName == null || durableName.isBlank()) {
      throw new IllegalArgumentException(
          getEndpointUri() + ": consumer option 'durableName' is required");
    }
    EventBusConsumer consumer = new EventBusConsumer(this, processor);
    configureConsumer(consumer);
    return consumer;
  }

  /** {@code default.<eventSource>.<event>}. */
  public String getSubject() {
    return BusSettings.subject(eventSource, event);
  }

  public String getEventSource() {
    return eventSource;
  }

  public String getEvent() {
    return event;
  }

  public String getDurableName() {
    return durableName;
  }

  public void setDurableName(String durableName) {
    this.durableName = durableName;
  }

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

  public String getDependencyName() {
    return dependencyName;
  }

  public void setDependencyName(String dependencyName) {
    this.dependencyName = dependencyName;
  }
}
