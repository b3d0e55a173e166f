package io.caravan.routes.source.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.source.webhook.WebhookEventData;
import io.caravan.routes.source.webhook.WebhookProvider;
import io.caravan.routes.source.webhook.WebhookReceiver;
import io.caravan.routes.source.webhook.WebhookReceiverContext;
import io.caravan.routes.source.webhook.WebhookReply;
import io.caravan.routes.source.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code provider=slack}: a Slack app's request URL (Argo's {@code slack/start.go}). Every request
 * is checked against the signing secret (401 with Argo's text when it fails). A form body ({@code
 * application/x-www-form-urlencoded}) is an interaction ({@code payload=}: its JSON is the event)
 * or a slash command ({@code command=}: the command's fields are the event); any other body is an
 * Events API request: its {@code token} must be the verification token, a {@code url_verification}
 * is answered with its challenge and a {@code event_callback} is published as {@code {"type",
 * "Data"}} (the inner event). Options: {@code signingSecret}, {@code token} (references).
 */
public final class SlackProvider implements WebhookProvider {
  private static final Logger LOG = LoggerFactory.getLogger(SlackProvider.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String FORM = "application/x-www-form-urlencoded";

  @Override
  public String name() {
    return "slack";
  }

  @Override
  public WebhookReceiver open(WebhookReceiverContext context) {
    String signingSecret = context.secret("signingSecret").orElse("");
    String token = context.secret("token").orElse("");
    return new Receiver(context.where(), signingSecret, token);
  }

  private record Receiver(String where, String signingSecret, String token)
      implements WebhookReceiver {

    @Override
    public WebhookReply receive(WebhookRequest request) {
      if (!signingSecret.isEmpty()) {
        String failure =
            SlackSignature.check(
                signingSecret,
                request.header("X-Slack-Signature"),
                request.header("X-Slack-Request-Timestamp"),
                request.body(),
                Instant.now());
        if (failure != null) {
          return WebhookReply.refuse(401, failure);
        }
      }
      // Argo compares the first Content-Type value as it is (no parameters allowed)
      if (FORM.equals(request.header("Content-Type"))) {
        return form(request);
      }
      return eventsApi(request);
    }

    private WebhookReply form(WebhookRequest request) {
      ObjectNode values;
      try {
        values = WebhookEventData.urlValues(request.bodyText());
      } catch (IllegalArgumentException e) {
        // DIFFERS: Argo answers 500 for a form it cannot parse; a client's mistake is a 400 here
        return WebhookReply.refuse(400, "failed to parse form data");
      }
      String payload = first(values, "payload");
      if (!payload.isEmpty()) {
        try {
          JsonNode interaction = WebhookEventData.rawJson(payload.getBytes(StandardCharsets.UTF_8));
          if (!interaction.isObject()) {
            throw new IllegalArgumentException("not an object");
          }
          return WebhookReply.event((ObjectNode) interaction);
        } catch (IllegalArgumentException e) {
          return WebhookReply.refuse(400, "failed to parse interaction event");
        }
      }
      if (!first(values, "command").isEmpty()) {
        return WebhookReply.event(slashCommand(values));
      }
      return WebhookReply.refuse(400, "could not determine slack type from form parameters");
    }

    private WebhookReply eventsApi(WebhookRequest request) {
      JsonNode body;
      try {
        body = WebhookEventData.rawJson(request.body());
      } catch (IllegalArgumentException e) {
        return WebhookReply.refuse(400, "failed to extract event, " + e.getMessage());
      }
      if (!body.isObject()) {
        return WebhookReply.refuse(400, "failed to extract event, not a JSON object");
      }
      if (!constantTimeEquals(body.path("token").asText(""), token)) {
        return WebhookReply.refuse(400, "failed to extract event, invalid verification token");
      }
      String type = body.path("type").asText("");
      if (type.equals("url_verification")) {
        return WebhookReply.answer(
            200, body.path("challenge").asText(""), "text/plain; charset=utf-8");
      }
      if (!type.equals("event_callback")) {
        LOG.debug("{}: Events API request of type '{}' carries no event", where, type);
        return WebhookReply.events(java.util.List.of());
      }
      JsonNode inner = body.get("event");
      if (inner == null || !inner.isObject()) {
        return WebhookReply.refuse(400, "failed to extract event, the callback has no event");
      }
      String innerType = inner.path("type").asText("");
      if (!SlackEventTypes.KNOWN.contains(innerType)) {
        return WebhookReply.refuse(
            400,
            "failed to extract event, EventsAPI Error parsing inner event: "
                + innerType
                + ", Inner Event does not exist! "
                + innerType);
      }
      ObjectNode data = NODES.objectNode();
      data.put("type", innerType);
      data.set("Data", inner.deepCopy());
      return WebhookReply.event(data);
    }
  }

  /** slack-go's {@code SlashCommand} as Argo marshals it (its fields, in its order). */
  static ObjectNode slashCommand(ObjectNode form) {
    ObjectNode command = NODES.objectNode();
    command.put("token", first(form, "token"));
    command.put("team_id", first(form, "team_id"));
    command.put("team_domain", first(form, "team_domain"));
    if (!first(form, "enterprise_id").isEmpty()) {
      command.put("enterprise_id", first(form, "enterprise_id"));
    }
    if (!first(form, "enterprise_name").isEmpty()) {
      command.put("enterprise_name", first(form, "enterprise_name"));
    }
    command.put("is_enterprise_install", first(form, "is_enterprise_install").equals("true"));
    for (String field :
        new String[] {
          "channel_id",
          "channel_name",
          "user_id",
          "user_name",
          "command",
          "text",
          "response_url",
          "trigger_id",
          "api_app_id"
        }) {
      command.put(field, first(form, field));
    }
    return command;
  }

  /** Go's {@code url.Values.Get}: the first value, or empty. */
  private static String first(ObjectNode values, String name) {
    JsonNode list = values.get(name);
    return list == null || list.isEmpty() ? "" : list.get(0).asText();
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
