package io.caravan.routes.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.source.webhook.WebhookEventData;
import io.caravan.routes.source.webhook.WebhookProvider;
import io.caravan.routes.source.webhook.WebhookReceiver;
import io.caravan.routes.source.webhook.WebhookReceiverContext;
import io.caravan.routes.source.webhook.WebhookReply;
import io.caravan.routes.source.webhook.WebhookRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook provider for the server's own tests (test class path only): the {@code X-Token} header
 * must equal the secret the {@code provider.tokenSecret} option references (else 400 {@code token
 * mismatch}); {@code ?challenge=x} is answered {@code x} without an event; {@code ?copies=n} makes
 * n events; {@code ?explode} throws.
 */
public final class TokenEchoProvider implements WebhookProvider {
  /** Receivers started and closed, for lifecycle assertions. */
  public static final AtomicInteger STARTED = new AtomicInteger();

  public static final AtomicInteger CLOSED = new AtomicInteger();

  @Override
  public String name() {
    return "token-echo";
  }

  @Override
  public WebhookReceiver open(WebhookReceiverContext context) {
    if (context.option("tokenSecret") == null) {
      throw new IllegalArgumentException(context.where() + ": provider.tokenSecret is required");
    }
    return new WebhookReceiver() {
      @Override
      public WebhookReply receive(WebhookRequest request) {
        if (request.query().startsWith("explode")) {
          throw new IllegalStateException("provider broke");
        }
        if (request.query().startsWith("challenge=")) {
          return WebhookReply.answer(
              200, request.query().substring("challenge=".length()), "text/plain");
        }
        String token = context.secret("tokenSecret").orElseThrow();
        if (!token.equals(request.header("x-token"))) {
          return WebhookReply.refuse(400, "token mismatch");
        }
        int copies =
            request.query().startsWith("copies=")
                ? Integer.parseInt(request.query().substring("copies=".length()))
                : 1;
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
          ObjectNode data = JsonNodeFactory.instance.objectNode();
          data.set("headers", WebhookEventData.headersJson(request.headers()));
          data.put("copy", i);
          data.put("method", request.method());
          data.put("body", request.bodyText());
          if (context.metadata() != null) {
            data.set("metadata", context.metadata());
          }
          events.add(data);
        }
        return WebhookReply.events(events);
      }

      @Override
      public void start() {
        STARTED.incrementAndGet();
      }

      @Override
      public void close() {
        CLOSED.incrementAndGet();
      }
    };
  }
}
