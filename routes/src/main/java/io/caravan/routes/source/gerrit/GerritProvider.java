package io.caravan.routes.source.gerrit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.expr.GoDuration;
import io.caravan.routes.source.webhook.HookApiClient;
import io.caravan.routes.source.webhook.HookMaintenance;
import io.caravan.routes.source.webhook.WebhookEventData;
import io.caravan.routes.source.webhook.WebhookProvider;
import io.caravan.routes.source.webhook.WebhookReceiver;
import io.caravan.routes.source.webhook.WebhookReceiverContext;
import io.caravan.routes.source.webhook.WebhookReply;
import io.caravan.routes.source.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code provider=gerrit}: events of Gerrit's webhooks plugin (Argo's {@code gerrit/start.go}).
 * Every request whose body is JSON is one event {@code {headers, body, metadata}}. Options: {@code
 * username}/{@code password} (references), {@code gerritBaseURL}, {@code hookUrl} (hooks are
 * managed when set), {@code hookName}, {@code events}, {@code projects} (comma separated), {@code
 * sslVerify}, {@code deleteHookOnFinish}, {@code checkInterval} (Argo's fixed 60s by default).
 */
public final class GerritProvider implements WebhookProvider {
  static final Duration CHECK_INTERVAL = Duration.ofSeconds(60);

  @Override
  public String name() {
    return "gerrit";
  }

  @Override
  public WebhookReceiver open(WebhookReceiverContext context) {
    String hookUrl = context.option("hookUrl");
    String baseUrl = context.option("gerritBaseURL");
    String hookName = context.option("hookName");
    GerritHooks hooks = null;
    HookMaintenance maintenance = null;
    if (hookUrl != null && baseUrl != null && hookName != null) {
      boolean authenticated = context.option("username") != null;
      Map<String, String> headers = Map.of();
      if (authenticated) {
        String pair =
            context.secret("username").orElseThrow() + ":" + context.secret("password").orElse("");
        headers =
            HookApiClient.headers(
                "Authorization",
                "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      }
      HookApiClient client = HookApiClient.create(context, headers, GerritHooks::withoutXssiPrefix);
      hooks =
          new GerritHooks(
              context.where(),
              client,
              baseUrl,
              authenticated,
              hookUrl,
              hookName,
              list(context.option("events")),
              context.flag("sslVerify", false),
              list(context.option("projects")));
      Duration interval = CHECK_INTERVAL;
      if (context.option("checkInterval") != null) {
        interval = GoDuration.parse(context.option("checkInterval"));
      }
      maintenance =
          new HookMaintenance(context.where(), hooks::apply, interval, HookMaintenance.RETRY);
    }
    return new Receiver(context, hooks, maintenance, context.flag("deleteHookOnFinish", false));
  }

  static List<String> list(String commaSeparated) {
    if (commaSeparated == null) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private record Receiver(
      WebhookReceiverContext context,
      GerritHooks hooks,
      HookMaintenance maintenance,
      boolean deleteHookOnFinish)
      implements WebhookReceiver {

    @Override
    public WebhookReply receive(WebhookRequest request) {
      ObjectNode data = JsonNodeFactory.instance.objectNode();
      data.set("headers", WebhookEventData.headersJson(request.headers()));
      try {
        data.set("body", WebhookEventData.rawJson(request.body()));
      } catch (IllegalArgumentException e) {
        return WebhookReply.refuse(400, "invalid event");
      }
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
  }
}
