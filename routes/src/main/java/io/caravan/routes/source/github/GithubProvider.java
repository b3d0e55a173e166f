package io.caravan.routes.source.github;

import io.caravan.routes.source.github.GithubApi.Target;
import io.caravan.routes.source.webhook.HookApiClient;
import io.caravan.routes.source.webhook.HookMaintenance;
import io.caravan.routes.source.webhook.WebhookProvider;
import io.caravan.routes.source.webhook.WebhookReceiver;
import io.caravan.routes.source.webhook.WebhookReceiverContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code provider=github}: GitHub webhooks. Options (all {@code provider.<name>}): {@code
 * webhookSecret}, {@code apiToken}, {@code githubAppPrivateKey} (references), {@code githubAppID},
 * {@code githubAppInstallationID}, {@code hookUrl} (hooks are managed when it and a credential are
 * set), {@code events}, {@code repositories} ({@code owner/name}, comma separated), {@code
 * organizations}, {@code active}, {@code insecure}, {@code contentType}, {@code githubBaseURL},
 * {@code githubUploadURL} and {@code deleteHookOnFinish}.
 */
public final class GithubProvider implements WebhookProvider {
  /** Argo re-checks the hooks every 60 s. */
  static final Duration CHECK_INTERVAL = Duration.ofSeconds(60);

  @Override
  public String name() {
    return "github";
  }

  @Override
  public WebhookReceiver open(WebhookReceiverContext context) {
    String hookUrl = context.option("hookUrl");
    boolean token = context.option("apiToken") != null;
    boolean app = context.option("githubAppPrivateKey") != null;
    boolean deleteHookOnFinish = context.flag("deleteHookOnFinish", false);
    if (hookUrl == null || (!token && !app)) {
      return new GithubReceiver(context, null, null, deleteHookOnFinish);
    }
    String base = context.option("githubBaseURL");
    String upload = context.option("githubUploadURL");
    // as Argo: the Enterprise URLs are used only together
    String apiBase = base != null && upload != null ? base : GithubApi.DEFAULT_BASE_URL;
    Supplier<HookApiClient> client;
    if (token) {
      HookApiClient fixed =
          HookApiClient.create(
              context,
              apiHeaders("token " + context.secret("apiToken").orElseThrow()),
              Function.identity());
      client = () -> fixed;
    } else {
      GithubAppToken appToken =
          new GithubAppToken(
              context,
              number(context, "githubAppID"),
              number(context, "githubAppInstallationID"),
              context.secret("githubAppPrivateKey").orElseThrow(),
              base == null ? GithubApi.DEFAULT_BASE_URL : base,
              Clock.systemUTC());
      client = appToken::client;
    }
    List<Target> targets = new ArrayList<>();
    list(context.option("organizations")).forEach(o -> targets.add(Target.organization(o)));
    list(context.option("repositories")).forEach(r -> targets.add(Target.repository(r)));
    GithubHooks hooks =
        new GithubHooks(
            context.where(),
            new GithubApi(client, apiBase),
            hookUrl,
            list(context.option("events")),
            context.flag("active", false),
            context.option("contentType"),
            context.flag("insecure", false),
            context.secret("webhookSecret").orElse(null),
            targets);
    HookMaintenance maintenance =
        new HookMaintenance(context.where(), hooks::apply, CHECK_INTERVAL, HookMaintenance.RETRY);
    return new GithubReceiver(context, hooks, maintenance, deleteHookOnFinish);
  }

  /** The headers of every API request: go-github's media type and the authorization. */
  static Map<String, String> apiHeaders(String authorization) {
    return HookApiClient.headers(
        "Authorization", authorization,
        "Accept", "application/vnd.github.v3+json",
        "User-Agent", "caravan-github-source");
  }

  private static long number(WebhookReceiverContext context, String option) {
    String value = context.option(option);
    try {
      return Long.parseLong(value == null ? "" : value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          context.where() + ": provider." + option + " must be a number, got '" + value + "'");
    }
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
