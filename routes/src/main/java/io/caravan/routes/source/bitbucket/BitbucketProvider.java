package io.caravan.routes.source.bitbucket;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.source.webhook.HookApiClient;
import io.caravan.routes.source.webhook.HookMaintenance;
import io.caravan.routes.source.webhook.WebhookEventData;
import io.caravan.routes.source.webhook.WebhookProvider;
import io.caravan.routes.source.webhook.WebhookReceiver;
import io.caravan.routes.source.webhook.WebhookReceiverContext;
import io.caravan.routes.source.webhook.WebhookReply;
import io.caravan.routes.source.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * {@code provider=bitbucket}: Bitbucket Cloud webhooks (Argo's {@code bitbucket/start.go}). Every
 * request whose body is JSON is one event {@code {headers, body, metadata}} (no signature:
 * Bitbucket Cloud's hooks carry none in Argo). Options: {@code hookUrl} (hooks are managed when it
 * and an auth are set), {@code basicUsername}/{@code basicPassword} or {@code oauthToken}
 * (references; basic first, as Argo), {@code events}, {@code repositories} ({@code owner/slug},
 * comma separated), {@code deleteHookOnFinish}, {@code apiUrl} (default {@code
 * https://api.bitbucket.org/2.0}).
 */
public final class BitbucketProvider implements WebhookProvider {
  static final String API_URL = "https://api.bitbucket.org/2.0";

  @Override
  public String name() {
    return "bitbucket";
  }

  @Override
  public WebhookReceiver open(WebhookReceiverContext context) {
    String hookUrl = context.option("hookUrl");
    String authorization = authorization(context);
    BitbucketHooks hooks = null;
    HookMaintenance maintenance = null;
    if (hookUrl != null && authorization != null) {
      HookApiClient client =
          HookApiClient.create(
              context, HookApiClient.headers("Authorization", authorization), Function.identity());
      hooks =
          new BitbucketHooks(
              context.where(),
              client,
              context.option("apiUrl", API_URL),
              hookUrl,
              list(context.option("events")),
              list(context.option("repositories")));
      // Argo applies the hooks once, at start: no re-check interval
      maintenance = new HookMaintenance(context.where(), hooks::apply, null, HookMaintenance.RETRY);
    }
    return new Receiver(context, hooks, maintenance, context.flag("deleteHookOnFinish", false));
  }

  /** Basic auth when both user name and password are set, else the OAuth token, else null. */
  private static String authorization(WebhookReceiverContext context) {
    if (context.option("basicUsername") != null && context.option("basicPassword") != null) {
      String pair =
          context.secret("basicUsername").orElseThrow()
              + ":"
              + context.secret("basicPassword").orElseThrow();
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
    return context.secret("oauthToken").map(token -> "Bearer " + token).orElse(null);
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
      BitbucketHooks hooks,
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
