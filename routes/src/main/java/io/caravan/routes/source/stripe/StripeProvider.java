package io.caravan.routes.source.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.source.webhook.HookMaintenance;
import io.caravan.routes.source.webhook.WebhookEventData;
import io.caravan.routes.source.webhook.WebhookProvider;
import io.caravan.routes.source.webhook.WebhookReceiver;
import io.caravan.routes.source.webhook.WebhookReceiverContext;
import io.caravan.routes.source.webhook.WebhookReply;
import io.caravan.routes.source.webhook.WebhookRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code provider=stripe}: Stripe webhook events (Argo's {@code stripe/start.go}). A body that is a
 * JSON object is one Stripe event; with {@code filterEvents}, only the types in {@code eventFilter}
 * are accepted (400 {@code invalid event} otherwise). The event data is {@code {event, metadata}}.
 * Options: {@code eventFilter}, {@code filterEvents}, {@code hookUrl} and {@code apiKey} (the
 * endpoint is registered when both are set), {@code signingSecret} (beyond Argo: {@code
 * Stripe-Signature} checked, 400 when it fails), {@code apiUrl}.
 */
public final class StripeProvider implements WebhookProvider {
  static final String API_URL = "https://api.stripe.com";

  @Override
  public String name() {
    return "stripe";
  }

  @Override
  public WebhookReceiver open(WebhookReceiverContext context) {
    List<String> events = list(context.option("eventFilter"));
    Set<String> accepted = context.flag("filterEvents", false) ? Set.copyOf(events) : null;
    String signingSecret = context.secret("signingSecret").orElse(null);
    HookMaintenance maintenance = null;
    String hookUrl = context.option("hookUrl");
    if (hookUrl != null && context.option("apiKey") != null) {
      StripeEndpoints endpoints =
          new StripeEndpoints(
              context.where(),
              context.option("apiUrl", API_URL),
              context.secret("apiKey").orElseThrow(),
              hookUrl,
              events);
      maintenance =
          new HookMaintenance(context.where(), endpoints::apply, null, HookMaintenance.RETRY);
    }
    return new Receiver(context.metadata(), accepted, signingSecret, maintenance);
  }

  static List<String> list(String commaSeparated) {
    if (commaSeparated == null) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toList());
  }

  private record Receiver(
      ObjectNode metadata, Set<String> accepted, String signingSecret, HookMaintenance maintenance)
      implements WebhookReceiver {

    @Override
    public WebhookReply receive(WebhookRequest request) {
      if (signingSecret != null) {
        String failure =
            StripeSignature.check(
                signingSecret, request.header("Stripe-Signature"), request.body(), Instant.now());
        if (failure != null) {
          return WebhookReply.refuse(400, "invalid signature: " + failure);
        }
      }
      JsonNode event;
      try {
        event = WebhookEventData.rawJson(request.body());
      } catch (IllegalArgumentException e) {
        return WebhookReply.refuse(400, "failed to parse the event");
      }
      if (!event.isObject() && !event.isNull()) {
        return WebhookReply.refuse(400, "failed to parse the event");
      }
      String type = event.path("type").asText("");
      if (accepted != null && !accepted.contains(type)) {
        return WebhookReply.refuse(400, "invalid event");
      }
      ObjectNode data = JsonNodeFactory.instance.objectNode();
      data.set("event", event);
      if (metadata != null && !metadata.isEmpty()) {
        data.set("metadata", metadata.deepCopy());
      }
      return WebhookReply.event(data);
    }

    @Override
    public void start() {
      if (maintenance != null) {
        maintenance.start();
      }
    }

    @Override
    public void close() {
      if (maintenance != null) {
        maintenance.close();
      }
    }
  }
}
