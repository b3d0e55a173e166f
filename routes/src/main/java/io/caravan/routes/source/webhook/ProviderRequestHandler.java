package io.caravan.routes.source.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.metrics.ArgoMetrics;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an endpoint of a {@link WebhookProvider}: the inactive check, the body up to {@code
 * maxPayloadSize} for every method, then the provider's {@link WebhookReceiver} on a worker thread;
 * its events go through the route one by one and the answer is sent once all were stored. Refusals
 * (4xx) are counted in {@code caravan_webhook_requests_refused_total{provider, endpoint, status}}
 * and logged at most once a minute per endpoint (every one at debug).
 */
final class ProviderRequestHandler implements RequestHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderRequestHandler.class);
  private static final long LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();
  static final String REFUSED_METRIC = "caravan_webhook_requests_refused";

  private final WebhookConsumer consumer;
  private final WebhookEndpoint endpoint;
  private final Vertx vertx;
  private final WebhookReceiver receiver;
  private final ArgoMetrics metrics;
  private final AtomicLong lastRefusalLog = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

  ProviderRequestHandler(
      WebhookConsumer consumer, Vertx vertx, WebhookReceiver receiver, ArgoMetrics metrics) {
    this.consumer = consumer;
    this.endpoint = consumer.getEndpoint();
    this.vertx = vertx;
    this.receiver = receiver;
    this.metrics = metrics;
  }

  @Override
  public void handle(HttpServerRequest request) {
    request.pause();
    if (!consumer.isActive()) {
      WebhookResponses.send(request, 400, "endpoint is inactive");
      return;
    }
    WebhookRequestHandler.readBody(
        request,
        where(),
        endpoint.getMaxPayloadSize(),
        400,
        "http: request body too large",
        () -> refused(WebhookReply.refuse(400, "http: request body too large")),
        body -> {
          WebhookRequest received =
              new WebhookRequest(
                  request.method().name(),
                  request.path(),
                  request.query() == null ? "" : request.query(),
                  WebhookEventData.headerMap(request.headers(), true),
                  WebhookEventData.headerMap(request.headers(), false),
                  body.getBytes());
          Context context = vertx.getOrCreateContext();
          vertx
              .executeBlocking(() -> receiver.receive(received), false)
              .onComplete(
                  result -> {
                    if (result.failed()) {
                      LOG.warn(
                          "{}: cannot handle the request: {}", where(), result.cause().toString());
                      LOG.debug("{}: request failure", where(), result.cause());
                      WebhookResponses.send(request, 500, "failed to process the request");
                    } else {
                      answer(request, result.result(), context);
                    }
                  });
        });
  }

  private void answer(HttpServerRequest request, WebhookReply reply, Context context) {
    if (reply.events().isEmpty()) {
      if (reply.status() >= 400) {
        refused(reply);
      }
      WebhookResponses.send(request, reply.status(), reply.body(), reply.contentType());
      return;
    }
    if (!consumer.isActive()) {
      WebhookResponses.send(request, 400, "endpoint is inactive");
      return;
    }
    vertx
        .executeBlocking(
            () -> {
              dispatchAll(
                  reply.events(),
                  0,
                  ok ->
                      context.runOnContext(
                          v -> {
                            if (ok) {
                              WebhookResponses.send(
                                  request, reply.status(), reply.body(), reply.contentType());
                            } else {
                              WebhookResponses.send(request, 500, "failed to record event");
                            }
                          }));
              return null;
            },
            false)
        .onFailure(e -> WebhookResponses.send(request, 500, "failed to record event"));
  }

  /** Sends the events through the route in order; stops at the first one that fails. */
  private void dispatchAll(List<ObjectNode> events, int index, Consumer<Boolean> done) {
    if (index == events.size()) {
      done.accept(true);
      return;
    }
    consumer.dispatch(
        events.get(index),
        ok -> {
          if (ok) {
            dispatchAll(events, index + 1, done);
          } else {
            done.accept(false);
          }
        });
  }

  private void refused(WebhookReply reply) {
    Counter.builder(REFUSED_METRIC)
        .description("Requests a webhook-style endpoint refused, by status.")
        .tag("provider", endpoint.getProvider())
        .tag("endpoint", endpoint.getPath())
        .tag("status", Integer.toString(reply.status()))
        .register(metrics.registry())
        .increment();
    long now = System.nanoTime();
    long last = lastRefusalLog.get();
    if (now - last >= LOG_INTERVAL_NANOS && lastRefusalLog.compareAndSet(last, now)) {
      LOG.warn(
          "{}: refused a request with {} {} (further refusals this minute at debug level)",
          where(),
          reply.status(),
          reply.body());
    } else {
      LOG.debug("{}: refused a request with {} {}", where(), reply.status(), reply.body());
    }
  }

  private String where() {
    return endpoint.getProvider() + " " + endpoint.getPath();
  }
}
