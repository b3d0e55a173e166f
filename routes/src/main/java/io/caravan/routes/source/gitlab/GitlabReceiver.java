package io.caravan.routes.source.gitlab;

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
import java.security.MessageDigest;

/**
 * One GitLab endpoint (Argo's {@code gitlab/start.go}): any method; when hooks are managed and a
 * secret token is set, {@code X-Gitlab-Token} must equal it (400 {@code token mismatch}); the body
 * must be JSON (400 {@code invalid event}); the event data is {@code {headers, body, metadata}}.
 */
final class GitlabReceiver implements WebhookReceiver {
  private final WebhookReceiverContext context;
  private final String secretToken;
  private final GitlabHooks hooks;
  private final HookMaintenance maintenance;
  private final boolean deleteHookOnFinish;

  GitlabReceiver(
      WebhookReceiverContext context,
      String secretToken,
      GitlabHooks hooks,
      HookMaintenance maintenance,
      boolean deleteHookOnFinish) {
    this.context = context;
    this.secretToken = secretToken == null ? "" : secretToken;
    this.hooks = hooks;
    this.maintenance = maintenance;
    this.deleteHookOnFinish = deleteHookOnFinish;
  }

  @Override
  public WebhookReply receive(WebhookRequest request) {
    if (!secretToken.isEmpty()) {
      String given = request.header("X-Gitlab-Token");
      if (!MessageDigest.isEqual(
          (given == null ? "" : given).getBytes(StandardCharsets.UTF_8),
          secretToken.getBytes(StandardCharsets.UTF_8))) {
        return WebhookReply.refuse(400, "token mismatch");
      }
    }
    JsonNode body;
    try {
      body = WebhookEventData.rawJson(request.body());
    } catch (IllegalArgumentException e) {
      return WebhookReply.refuse(400, "invalid event");
    }
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.set("headers", WebhookEventData.headersJson(request.headers()));
    data.set("body", body);
    if (context.metadata() != null && !context.metadata().isEmpty()) {
      data.set("metadata", context.metadata().deepCopy());
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
    if (hooks != null && deleteHookOnFinish) {
      hooks.deleteAll();
    }
  }

  GitlabHooks hooks() {
    return hooks;
  }
}
