package io.caravan.routes.source.bitbucketserver;

import io.caravan.expr.GoDuration;
import io.caravan.routes.source.bitbucketserver.BitbucketServerApi.Repo;
import io.caravan.routes.source.webhook.HookApiClient;
import io.caravan.routes.source.webhook.HookMaintenance;
import io.caravan.routes.source.webhook.WebhookProvider;
import io.caravan.routes.source.webhook.WebhookReceiver;
import io.caravan.routes.source.webhook.WebhookReceiverContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * {@code provider=bitbucketserver}: Bitbucket Server / Data Center webhooks. Options (all {@code
 * provider.<name>}): {@code webhookSecret}, {@code accessToken} (references), {@code
 * bitbucketserverBaseURL}, {@code hookUrl} (the URL hooks point to; hooks are managed when it and
 * {@code accessToken} are set), {@code events}, {@code repositories} ({@code KEY/slug}, comma
 * separated), {@code projects}, {@code deleteHookOnFinish}, {@code skipBranchRefsChangedOnOpenPR},
 * {@code oneEventPerChange}, {@code checkInterval} (Go duration, default 1m) and the REST client's
 * {@code tls*} options.
 */
public final class BitbucketServerProvider implements WebhookProvider {
  static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(60);

  @Override
  public String name() {
    return "bitbucketserver";
  }

  @Override
  public WebhookReceiver open(WebhookReceiverContext context) {
    String baseUrl = context.option("bitbucketserverBaseURL");
    boolean hasToken = context.option("accessToken") != null;
    BitbucketServerApi api = null;
    if (hasToken) {
      if (baseUrl == null) {
        throw new IllegalArgumentException(
            context.where() + ": provider.bitbucketserverBaseURL is required with accessToken");
      }
      String token = context.secret("accessToken").orElseThrow();
      HookApiClient client =
          HookApiClient.create(
              context,
              HookApiClient.headers(
                  "Authorization", "Bearer " + token,
                  "X-Atlassian-Token", "no-check",
                  "X-Requested-With", "XMLHttpRequest"),
              Function.identity());
      api = new BitbucketServerApi(client, baseUrl);
    }
    Duration checkInterval = DEFAULT_CHECK_INTERVAL;
    String interval = context.option("checkInterval");
    if (interval != null) {
      try {
        checkInterval = GoDuration.parse(interval);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            context.where() + ": provider.checkInterval '" + interval + "': " + e.getMessage(), e);
      }
    }
    BitbucketServerHooks hooks = null;
    HookMaintenance maintenance = null;
    String hookUrl = context.option("hookUrl");
    if (api != null && hookUrl != null) {
      hooks =
          new BitbucketServerHooks(
              context.where(),
              api,
              hookUrl,
              list(context.option("events")),
              context.secret("webhookSecret").orElse(null),
              list(context.option("repositories")).stream().map(Repo::parse).toList(),
              list(context.option("projects")));
      maintenance =
          new HookMaintenance(context.where(), hooks::apply, checkInterval, HookMaintenance.RETRY);
    }
    return new BitbucketServerReceiver(
        context,
        api,
        context.flag("skipBranchRefsChangedOnOpenPR", false),
        context.flag("oneEventPerChange", false),
        hooks,
        maintenance,
        context.flag("deleteHookOnFinish", false));
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
}
