package io.caravan.generator.source.github;

import io.caravan.api.eventsource.WebhookContext;
import io.caravan.api.eventsource.github.GithubAppCreds;
import io.caravan.api.eventsource.github.GithubEventSource;
import io.caravan.api.eventsource.github.OwnedRepositories;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.SecretRefs;
import io.caravan.generator.source.SourceEvent;
import io.caravan.generator.source.SourceType;
import io.caravan.generator.source.WebhookContextRules;
import io.caravan.generator.source.WebhookEndpointParameters;
import io.caravan.generator.support.ExpressionSyntax;
import io.caravan.generator.yaml.UriParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.github} events → {@code kamelet:github-source}: a GitHub endpoint on the shared
 * webhook server, with Argo's validation ({@code github/validate.go}) and hook management settings
 * (inventory §1.4 #11, §1.5.11, §2.3).
 */
public final class GithubSourceType implements SourceType<GithubEventSource> {

  @Override
  public String key() {
    return "github";
  }

  @Override
  public Class<GithubEventSource> model() {
    return GithubEventSource.class;
  }

  @Override
  public void check(SourceEvent<GithubEventSource> event, List<Diagnostic> out) {
    GithubEventSource source = event.config();
    if (source == null) {
      out.add(Diagnostic.error(event.path(), "github settings are missing"));
      return;
    }
    boolean hasRepos = !repositories(source).isEmpty();
    if (!hasRepos && source.getOrganizations() == null) {
      out.add(Diagnostic.error(event.path(), "either repositories or organizations is required"));
    }
    if (hasRepos && source.getOrganizations() != null) {
      out.add(
          Diagnostic.error(event.path(), "only one of repositories and organizations is allowed"));
    }
    if (needToCreateHooks(source) && isEmpty(source.getEvents())) {
      out.add(
          Diagnostic.error(
              event.path("events"), "events must be defined to create a github webhook"));
    }
    String contentType = source.getContentType();
    if (!isBlank(contentType) && !contentType.equals("json") && !contentType.equals("form")) {
      out.add(
          Diagnostic.error(event.path("contentType"), "content type must be \"json\" or \"form\""));
    }
    boolean base = !isBlank(source.getGithubBaseURL());
    boolean upload = !isBlank(source.getGithubUploadURL());
    if (upload && !base) {
      out.add(
          Diagnostic.error(
              event.path("githubBaseURL"),
              "githubBaseURL is required when githubUploadURL is set"));
    }
    if (base && !upload) {
      out.add(
          Diagnostic.error(
              event.path("githubUploadURL"),
              "githubUploadURL is required when githubBaseURL is set"));
    }
    WebhookContext webhook = source.getWebhook();
    if (webhook == null) {
      out.add(Diagnostic.error(event.path("webhook"), "webhook is required"));
    } else {
      WebhookContextRules.check(event.path("webhook"), webhook, out);
      if (webhook.getAuthSecret() != null) {
        out.add(
            Diagnostic.warning(
                event.path("webhook.authSecret"),
                "authSecret is not checked on github endpoints (as in Argo)"));
      }
    }
    List<OwnedRepositories> repos = source.getRepositories();
    for (int i = 0; repos != null && i < repos.size(); i++) {
      if (isBlank(repos.get(i).getOwner()) || isEmpty(repos.get(i).getNames())) {
        out.add(
            Diagnostic.warning(
                event.path("repositories[" + i + "]"),
                "a repository entry needs owner and names: it gets no hook"));
      }
    }
    SecretRefs.check(event.path("apiToken"), source.getApiToken(), out);
    if (source.getApiToken() != null && (webhook == null || isBlank(webhook.getUrl()))) {
      out.add(
          Diagnostic.warning(
              event.path("apiToken"),
              "hooks are managed only when webhook.url is set too (as in Argo): apiToken is unused"));
    }
    SecretRefs.check(event.path("webhookSecret"), source.getWebhookSecret(), out);
    GithubAppCreds app = source.getGithubApp();
    if (app != null) {
      SecretRefs.check(event.path("githubApp.privateKey"), app.getPrivateKey(), out);
      if (app.getPrivateKey() == null) {
        out.add(
            Diagnostic.warning(
                event.path("githubApp.privateKey"),
                "githubApp without privateKey is not used: hooks are not managed with it"));
      } else if (source.getApiToken() == null
          && (app.getAppID() == null || app.getInstallationID() == null)) {
        out.add(
            Diagnostic.error(event.path("githubApp"), "githubApp needs appID and installationID"));
      }
    }
    ExpressionSyntax.eventSourceFilter(event.path(), source.getFilter(), out);
  }

  @Override
  public Map<String, Object> from(SourceEvent<GithubEventSource> event, Diagnostics diagnostics) {
    GithubEventSource source = event.config();
    if (source == null || source.getWebhook() == null) {
      diagnostics.error(event.path(), "github webhook settings are missing");
      return null;
    }
    List<Diagnostic> problems = new ArrayList<>();
    check(event, problems);
    List<Diagnostic> errors = problems.stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty()) {
      diagnostics.addAll(errors);
      return null;
    }
    Map<String, Object> parameters =
        WebhookEndpointParameters.of(event.path("webhook"), source.getWebhook(), diagnostics);
    String webhookSecret =
        SecretRefs.reference(source.getWebhookSecret(), event.path("webhookSecret"), diagnostics);
    String apiToken =
        SecretRefs.reference(source.getApiToken(), event.path("apiToken"), diagnostics);
    GithubAppCreds app = source.getGithubApp();
    boolean useApp = source.getApiToken() == null && app != null && app.getPrivateKey() != null;
    String privateKey =
        useApp
            ? SecretRefs.reference(
                app.getPrivateKey(), event.path("githubApp.privateKey"), diagnostics)
            : null;
    if (parameters == null
        || !SecretRefs.isValid(source.getWebhookSecret())
        || !SecretRefs.isValid(source.getApiToken())
        || (useApp && !SecretRefs.isValid(app.getPrivateKey()))) {
      return null;
    }
    putIfSet(parameters, "webhookSecret", webhookSecret);
    if (needToCreateHooks(source)) {
      putIfSet(parameters, "apiToken", apiToken);
      if (useApp) {
        parameters.put("githubAppPrivateKey", privateKey);
        parameters.put("githubAppID", app.getAppID());
        parameters.put("githubAppInstallationID", app.getInstallationID());
      }
      parameters.put(
          "hookUrl",
          WebhookEndpointParameters.hookUrl(
              source.getWebhook().getUrl(), source.getWebhook().getEndpoint()));
      putList(parameters, "events", source.getEvents());
      List<String> repos = new ArrayList<>();
      for (OwnedRepositories owned : repositories(source)) {
        if (!isBlank(owned.getOwner()) && owned.getNames() != null) {
          owned.getNames().forEach(name -> repos.add(owned.getOwner() + "/" + name));
        }
      }
      putList(parameters, "repositories", repos);
      putList(parameters, "organizations", source.getOrganizations());
      parameters.put("active", Boolean.TRUE.equals(source.getActive()));
      parameters.put("insecure", Boolean.TRUE.equals(source.getInsecure()));
      putIfSet(parameters, "contentType", blankToNull(source.getContentType()));
      putIfSet(parameters, "githubBaseURL", blankToNull(source.getGithubBaseURL()));
      putIfSet(parameters, "githubUploadURL", blankToNull(source.getGithubUploadURL()));
      parameters.put("deleteHookOnFinish", Boolean.TRUE.equals(source.getDeleteHookOnFinish()));
    }
    WebhookEndpointParameters.withMetadata(parameters, source.getMetadata());
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:github-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  @Override
  public String filterExpression(GithubEventSource event) {
    return event == null || event.getFilter() == null ? null : event.getFilter().getExpression();
  }

  /** Argo's {@code GetOwnedRepositories}: the list, else the deprecated owner/repository pair. */
  static List<OwnedRepositories> repositories(GithubEventSource source) {
    if (!isEmpty(source.getRepositories())) {
      return source.getRepositories();
    }
    if (!isBlank(source.getOwner()) && !isBlank(source.getRepository())) {
      OwnedRepositories owned = new OwnedRepositories();
      owned.setOwner(source.getOwner());
      owned.setNames(List.of(source.getRepository()));
      return List.of(owned);
    }
    return List.of();
  }

  /** Argo's {@code NeedToCreateHooks}: an API token or App key, and a public webhook URL. */
  static boolean needToCreateHooks(GithubEventSource source) {
    boolean app = source.getGithubApp() != null && source.getGithubApp().getPrivateKey() != null;
    return (source.getApiToken() != null || app)
        && source.getWebhook() != null
        && !isBlank(source.getWebhook().getUrl());
  }

  private static void putList(Map<String, Object> parameters, String name, List<String> values) {
    if (values != null && !values.isEmpty()) {
      parameters.put(name, String.join(",", values));
    }
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static String blankToNull(String text) {
    return isBlank(text) ? null : text;
  }

  private static boolean isBlank(String text) {
    return text == null || text.isEmpty();
  }

  private static boolean isEmpty(List<?> list) {
    return list == null || list.isEmpty();
  }
}
