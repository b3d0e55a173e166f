package io.caravan.routes.source.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.support.secrets.SecretStore;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies Argo's webhook request rules in Argo's order (inventory §1.5.1): bearer auth, active
 * check, method check, body by method and content type, then the exchange, answered 200/500 when it
 * completes. Runs on the event loop; secret reads and exchanges run on worker threads.
 */
final class WebhookRequestHandler implements RequestHandler {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookRequestHandler.class);
  static final String FORM = "application/x-www-form-urlencoded";

  /** Go's ParseForm limit for form bodies. */
  static final long MAX_FORM_SIZE = 10L << 20;

  private final WebhookConsumer consumer;
  private final WebhookEndpoint endpoint;
  private final Vertx vertx;
  private final SecretStore secrets;

  WebhookRequestHandler(WebhookConsumer consumer, Vertx vertx, SecretStore secrets) {
    this.consumer = consumer;
    this.endpoint = consumer.getEndpoint();
    this.vertx = vertx;
    this.secrets = secrets;
  }

  @Override
  public void handle(HttpServerRequest request) {
    request.pause();
    String authRef = endpoint.getAuthSecret();
    if (authRef == null) {
      afterAuth(request);
      return;
    }
    vertx
        .executeBlocking(() -> secrets.secretRef(authRef), false)
        .onComplete(
            read -> {
              Optional<String> token = read.succeeded() ? read.result() : Optional.empty();
              if (token.isEmpty()) {
                LOG.error(
                    "argo-webhook {}: cannot read authSecret {}", endpoint.getPath(), authRef);
                WebhookResponses.send(request, 500, "failed to read auth secret");
                return;
              }
              String header = request.getHeader("Authorization");
              if (header == null || !header.startsWith("Bearer ")) {
                WebhookResponses.send(request, 401, "Invalid Authorization Header");
                return;
              }
              byte[] given = header.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8);
              if (!MessageDigest.isEqual(given, token.get().getBytes(StandardCharsets.UTF_8))) {
                WebhookResponses.send(request, 401, "Invalid Auth token");
                return;
              }
              afterAuth(request);
            });
  }

  private void afterAuth(HttpServerRequest request) {
    if (!consumer.isActive()) {
      WebhookResponses.send(request, 400, "endpoint is inactive");
      return;
    }
    if (!request.method().name().equals(endpoint.getMethod())) {
      WebhookResponses.send(request, 400, "http method does not match");
      return;
    }
    if (request.method() == HttpMethod.GET) {
      JsonNode query;
      try {
        query = WebhookEventData.urlValues(request.query());
      } catch (IllegalArgumentException e) {
        WebhookResponses.send(request, 400, "invalid query: " + e.getMessage());
        return;
      }
      dispatch(request, query);
    } else if (request.method() == HttpMethod.POST) {
      if (FORM.equals(request.getHeader("Content-Type"))) {
        // A body that is not a form is the client's error: 400, as for a body that is not JSON.
        readBody(
            request,
            "argo-webhook " + endpoint.getPath(),
            MAX_FORM_SIZE,
            400,
            "http: POST too large",
            body -> {
              JsonNode form;
              try {
                form = WebhookEventData.urlValues(body.toString(StandardCharsets.UTF_8));
              } catch (IllegalArgumentException e) {
                WebhookResponses.send(request, 400, "invalid form body: " + e.getMessage());
                return;
              }
              dispatch(request, form);
            });
      } else {
        readBody(
            request,
            "argo-webhook " + endpoint.getPath(),
            endpoint.getMaxPayloadSize(),
            400,
            "http: request body too large",
            body -> {
              JsonNode json;
              try {
                json = WebhookEventData.rawJson(body.getBytes());
              } catch (IllegalArgumentException e) {
                WebhookResponses.send(request, 400, e.getMessage());
                return;
              }
              dispatch(request, json);
            });
      }
    } else {
      WebhookResponses.send(request, 400, "unsupoorted method: " + request.method().name());
    }
  }

  /**
   * Reads the body up to {@code limit} bytes. Beyond it answers {@code status} with {@code
   * tooLarge} and closes the connection without reading further.
   */
  static void readBody(
      HttpServerRequest request,
      String where,
      long limit,
      int status,
      String tooLarge,
      Consumer<Buffer> then) {
    readBody(request, where, limit, status, tooLarge, () -> {}, then);
  }

  /** As above; {@code refused} runs when the body is refused as too large. */
  static void readBody(
      HttpServerRequest request,
      String where,
      long limit,
      int status,
      String tooLarge,
      Runnable refused,
      Consumer<Buffer> then) {
    String length = request.getHeader("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > limit) {
          refused.run();
          WebhookResponses.sendAndClose(request, status, tooLarge);
          return;
        }
      } catch (NumberFormatException e) {
        WebhookResponses.sendAndClose(request, 400, "invalid Content-Length");
        return;
      }
    }
    Buffer body = Buffer.buffer();
    boolean[] failed = {false};
    request.handler(
        chunk -> {
          if (failed[0]) {
            return;
          }
          if ((long) body.length() + chunk.length() > limit) {
            failed[0] = true;
            request.handler(null);
            refused.run();
            WebhookResponses.sendAndClose(request, status, tooLarge);
          } else {
            body.appendBuffer(chunk);
          }
        });
    request.exceptionHandler(
        e -> {
          failed[0] = true;
          LOG.debug("{}: request failed while reading: {}", where, e.toString());
        });
    request.endHandler(
        v -> {
          if (!failed[0]) {
            then.accept(body);
          }
        });
    request.resume();
  }

  private void dispatch(HttpServerRequest request, JsonNode body) {
    if (!consumer.isActive()) {
      WebhookResponses.send(request, 400, "endpoint is inactive");
      return;
    }
    ObjectNode data = WebhookEventData.of(request.headers(), body, endpoint.metadataNode());
    Context context = vertx.getOrCreateContext();
    vertx
        .executeBlocking(
            () -> {
              consumer.dispatch(
                  data,
                  ok ->
                      context.runOnContext(
                          v -> {
                            if (ok) {
                              WebhookResponses.send(request, 200, "success");
                            } else {
                              WebhookResponses.send(request, 500, "failed to record event");
                            }
                          }));
              return null;
            },
            false)
        .onFailure(e -> WebhookResponses.send(request, 500, "failed to record event"));
  }
}
