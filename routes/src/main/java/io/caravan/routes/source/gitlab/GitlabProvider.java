package io.caravan.routes.source.gitlab;

import io.caravan.routes.source.gitlab.GitlabApi.Target;
import io.caravan.routes.source.webhook.HookApiClient;
import io.caravan.routes.source.webhook.HookMaintenance;
import io.caravan.routes.source.webhook.WebhookProvider;
import io.caravan.routes.source.webhook.WebhookReceiver;
import io.caravan.routes.source.webhook.WebhookReceiverContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * {@code provider=gitlab}: GitLab webhooks. Options (all {@code provider.<name>}): {@code
 * accessToken}, {@code secretToken} (references), {@code gitlabBaseURL}, {@code hookUrl} (hooks are
 * managed, and the secret token checked, when it and {@code accessToken} are set), {@code events}
 * (GitLab hook option names), {@code projects}, {@code groups} (comma separated), {@code
 * enableSSLVerification} and {@code deleteHookOnFinish}.
 */
public final class GitlabProvider implements WebhookProvider {
  /** Argo re-syncs the hooks every 60 s. */
  static final Duration CHECK_INTERVAL = Duration.ofSeconds(60);

  @Override
  public String name() {
    return "gitlab";
  }

  @Override
  public WebhookReceiver open(WebhookReceiverContext context) {
    String hookUrl = context.option("hookUrl");
    boolean deleteHookOnFinish = context.flag("deleteHookOnFinish", false);
    if (hookUrl == null || context.option("accessToken") == null) {
      // as Argo: without managed hooks the secret token is not read, requests are not checked
      return new GitlabReceiver(context, null, null, null, deleteHookOnFinish);
    }
    String baseUrl = context.option("gitlabBaseURL");
    if (baseUrl == null) {
      throw new IllegalArgumentException(
          context.where() + ": provider.gitlabBaseURL is required with accessToken");
    }
    String secretToken = context.secret("secretToken").orElse(null);
    HookApiClient client =
        HookApiClient.create(
            context,
            HookApiClient.headers("PRIVATE-TOKEN", context.secret("accessToken").orElseThrow()),
            Function.identity());
    List<Target> targets = new ArrayList<>();
    list(context.option("groups")).forEach(g -> targets.add(new Target(true, g)));
    list(context.option("projects")).forEach(p -> targets.add(new Target(false, p)));
    GitlabHooks hooks =
        new GitlabHooks(
            context.where(),
            new GitlabApi(client, baseUrl),
            hookUrl,
            list(context.option("events")),
            context.flag("enableSSLVerification", false),
            secretToken,
            targets);
    HookMaintenance maintenance =
        new HookMaintenance(context.where(), hooks::apply, CHECK_INTERVAL, HookMaintenance.RETRY);
    return new GitlabReceiver(context, secretToken, hooks, maintenance, deleteHookOnFinish);
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
