package io.caravan.routes.trigger;

import io.caravan.routes.support.vertx.SharedVertx;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Base of the trigger sinks that call HTTP APIs (http, argoCD, slack): one set of pooled Vert.x
 * WebClients per sink, created on first use on the CamelContext's Vert.x and closed when the sink
 * stops.
 */
public abstract class WebClientTriggerSink extends ServiceSupport {
  private volatile TriggerHttpClients clients;

  /** The sink's clients, created on first use. */
  protected final TriggerHttpClients clients(CamelContext context) {
    TriggerHttpClients current = clients;
    if (current == null) {
      synchronized (this) {
        if (clients == null) {
          clients = new TriggerHttpClients(SharedVertx.of(context));
        }
        current = clients;
      }
    }
    return current;
  }

  @Override
  protected void doStop() {
    TriggerHttpClients current = clients;
    clients = null;
    if (current != null) {
      current.close();
    }
  }
}
