package io.caravan.routes.source.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.source.webhook.HookMaintenance;
import io.caravan.routes.source.webhook.WebhookEventData;
import io.caravan.routes.source.webhook.WebhookReceiver;
import io.caravan.routes.source.webhook.WebhookReceiverContext;
import io.caravan.routes.source.webhook.WebhookReply;
import io.caravan.routes.source.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One GitHub endpoint (Argo's {@code github/start.go}): any method, go-github's {@code
 * ValidatePayload} ({@link GithubPayload}), the {@code X-GitHub-Event} and {@code
 * X-GitHub-Delivery} values put into the payload object (whose keys come out sorted, as Go marshals
 * a map), and the event data {@code {headers, body, metadata}}. Every refusal is a 400 with Argo's
 * text; hook management runs on {@link HookMaintenance}'s thread.
 */
final class GithubReceiver implements WebhookReceiver {
  static final List<String> INJECTED = List.of("X-GitHub-Event", "X-GitHub-Delivery");

  private final WebhookReceiverContext context;
  private final GithubHooks hooks;
  private final HookMaintenance maintenance;
  private final boolean deleteHookOnFinish;

  GithubReceiver(
      WebhookReceiverContext context,
      GithubHooks hooks,
      HookMaintenance maintenance,
      boolean deleteHookOnFinish) {
    this.context = context;
    this.hooks = hooks;
    this.maintenance = maintenance;
    this.deleteHookOnFinish = deleteHookOnFinish;
  }

  @Override
  public WebhookReply receive(WebhookRequest request) {
    String secret = context.secret("webhookSecret").orElse("");
    byte[] payload;
    try {
      payload = GithubPayload.validate(request, secret.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return WebhookReply.refuse(400, e.getMessage());
    }
    JsonNode parsed;
    try {
      parsed = WebhookEventData.rawJson(payload);
    } catch (IllegalArgumentException e) {
      return WebhookReply.refuse(400, e.getMessage());
    }
    if (!parsed.isObject()) {
      return WebhookReply.refuse(
          400,
          "json: cannot unmarshal "
              + goKind(parsed)
              + " into Go value of type map[string]interface {}");
    }
    ObjectNode body = (ObjectNode) parsed;
    for (String header : INJECTED) {
      String value = request.header(header);
      body.put(header, value == null ? "" : value);
    }
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.set("headers", WebhookEventData.headersJson(request.headers()));
    data.set("body", sorted(body));
    if (context.metadata() != null && !context.metadata().isEmpty()) {
      data.set("metadata", context.metadata().deepCopy());
    }
    return WebhookReply.event(data);
  }

  private static String goKind(JsonNode node) {
    if (node.isArray()) {
      return "array";
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isBoolean()) {
      return "bool";
    }
    return "null";
  }

  /** The value with every object's keys sorted, as Go's json.Marshal writes a map. */
  static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      TreeMap<String, JsonNode> fields = new TreeMap<>();
      node.fields().forEachRemaining(f -> fields.put(f.getKey(), sorted(f.getValue())));
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      fields.forEach(out::set);
      return out;
    }
    if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      node.forEach(item -> items.add(sorted(item)));
      return JsonNodeFactory.instance.arrayNode().addAll(items);
    }
    return node;
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
    if (hooks != null && deleteHookOnFinish) {
      hooks.deleteAll();
    }
  }

  HookMaintenance maintenance() {
    return maintenance;
  }

  GithubHooks hooks() {
    return hooks;
  }
}
