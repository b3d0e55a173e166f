package io.caravan.routes.bus;

import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.metrics.ArgoMetrics;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the {@link ArgoEvent} body to {@code default.<eventSource>.<event>} with {@code
 * Nats-Msg-Id} = event id. The exchange completes when the bus stored the event and fails when it
 * did not (error or timeout).
 */
public class EventBusProducer extends DefaultAsyncProducer {
  private static final Logger LOG = LoggerFactory.getLogger(EventBusProducer.class);

  private final EventBusEndpoint endpoint;
  private BusTransport transport;
  private ArgoMetrics metrics;

  EventBusProducer(EventBusEndpoint endpoint) {
    super(endpoint);
    this.endpoint = endpoint;
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    transport = endpoint.getComponent().transport();
    metrics = endpoint.getComponent().metrics();
    metrics.sourceStarted(endpoint.getEventSource(), endpoint.getEvent());
  }

  @Override
  public boolean process(Exchange exchange, AsyncCallback callback) {
    Object body = exchange.getMessage().getBody();
    if (!(body instanceof ArgoEvent event)) {
      String type = body == null ? "no body" : body.getClass().getName();
      done(
          exchange,
          new IllegalArgumentException(
              endpoint.getEndpointUri() + " publishes an ArgoEvent body, got " + type),
          null);
      callback.done(true);
      return true;
    }
    CompletableFuture<Void> stored;
    try {
      stored = transport.publish(endpoint.getSubject(), event.id(), event.toJson());
    } catch (RuntimeException e) {
      stored = CompletableFuture.failedFuture(e);
    }
    if (stored.isDone()) {
      done(exchange, failure(stored), event);
      callback.done(true);
      return true;
    }
    stored.whenComplete(
        (ignored, error) -> {
          done(exchange, error == null ? null : unwrap(error), event);
          callback.done(false);
        });
    return false;
  }

  private void done(Exchange exchange, Throwable error, ArgoEvent event) {
    String source = endpoint.getEventSource();
    String name = endpoint.getEvent();
    if (error == null) {
      metrics.eventSent(source, name);
    } else {
      LOG.warn(
          "Event bus: publishing event {} to {} failed: {}",
          event == null ? "?" : event.id(),
          endpoint.getSubject(),
          error.getMessage());
      metrics.eventSendFailed(source, name);
      exchange.setException(error);
    }
    metrics.eventProcessingDuration(source, name, Duration.ofMillis(exchange.getClock().elapsed()));
  }

  private static Throwable failure(CompletableFuture<Void> done) {
    try {
      done.join();
      return null;
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      return unwrap(e);
    }
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
