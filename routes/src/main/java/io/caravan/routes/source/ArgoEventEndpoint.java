package io.caravan.routes.source;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** Producer endpoint turning event data into an {@link ArgoEvent} of one EventSource event. */
public class ArgoEventEndpoint extends DefaultEndpoint {
  private final String eventSource;
  private final String event;
  private String type;

  ArgoEventEndpoint(String uri, ArgoEventComponent component, String eventSource, String event) {
    super(uri, component);
    this.eventSource = eventSource;
    this.event = event;
  }

  @Override
  public Producer createProducer() {
    return new ArgoEventProducer(this);
  }

  @Override
  public Consumer createConsumer(Processor processor) {
    throw new UnsupportedOperationException(
        "argo-event endpoints only produce: " + getEndpointUri());
  }

  @Override
  protected void doInit() throws Exception {
    super.doInit();
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException(
          getEndpointUri() + ": option 'type' (the source type) is required");
    }
  }

  public String getEventSource() {
    return eventSource;
  }

  public String getEvent() {
    return event;
  }

  public String getType() {
    return type;
  }

  /** The source type written to the CloudEvent, e.g. {@code webhook}, {@code calendar}. */
  public void setType(String type) {
    this.type = type;
  }
}
