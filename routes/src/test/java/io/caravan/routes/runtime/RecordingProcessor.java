package io.caravan.routes.runtime;

import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.SecretStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Test bean declared in YAML: counts an event as sent in the runtime's {@code argoMetrics} bean and
 * answers whether the runtime's {@code secretStore} bean holds the secret {@code auth/token}.
 */
public class RecordingProcessor implements Processor {
  private String eventSourceName;
  private String eventName;

  public void setEventSourceName(String eventSourceName) {
    this.eventSourceName = eventSourceName;
  }

  public void setEventName(String eventName) {
    this.eventName = eventName;
  }

  @Override
  public void process(Exchange exchange) {
    var registry = exchange.getContext().getRegistry();
    registry
        .lookupByNameAndType(ArgoMetrics.BEAN_NAME, ArgoMetrics.class)
        .eventSent(eventSourceName, eventName);
    boolean hasSecret =
        registry
            .lookupByNameAndType(SecretStore.BEAN_NAME, SecretStore.class)
            .secret("auth", "token")
            .isPresent();
    exchange.getMessage().setBody("recorded secret=" + hasSecret);
  }
}
