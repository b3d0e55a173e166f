package io.caravan.generator.source.bitbucketserver;

import io.caravan.api.eventsource.WebhookContext;
import io.caravan.api.eventsource.bitbucketserver.BitbucketServerEventSource;
import io.caravan.api.eventsource.bitbucketserver.BitbucketServerRepository;
import io.caravan.expr.GoDuration;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.SecretRefs;
import io.caravan.generator.source.SourceEvent;
import io.caravan.generator.source.SourceType;
import io.caravan.generator.source.WebhookContextRules;
import io.caravan.generator.source.WebhookEndpointParameters;
import io.caravan.generator.support.ExpressionSyntax;
import io.caravan.generator.support.TlsParameters;
import io.caravan.generator.support.TlsSaslRules;
import io.caravan.generator.yaml.UriParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.bitbucketserver} events → {@code kamelet:bitbucketserver-source}: a Bitbucket Server
 * endpoint on the shared webhook server, with Argo's validation ({@code bitbucketserver/
 * validate.go}) and hook management settings (inventory §1.4 #26, §2.3).
 */
public final class BitbucketServerSourceType implements SourceType<BitbucketServerEventSource> {

  @Override
  public String key() {
    return "bitbucketserver";
  }

  @Override
  public Class<BitbucketServerEventSource> model() {
    return BitbucketServerEventSource.class;
  }

  @Override
  public void check(SourceEvent<BitbucketServerEventSource> event, List<Diagnostic> out) {
    BitbucketServerEventSource source = event.config();
    if (source == null) {
      out.add(Diagnostic.error(event.path(), "bitbucketserver settings are missing"));
      return;
    }
    if (repositories(source).isEmpty() && isEmpty(source.getProjects())) {
      out.add(
          Diagnostic.error(
              event.path(), "at least one project or repository configuration is required"));
    }
    if (shouldCreateWebhooks(source) && isEmpty(source.getEvents())) {
      out.add(
          Diagnostic.error(
              event.path("events"), "events must be defined to create a bitbucket server webhook"));
    }
    if (isBlank(source.getBitbucketserverBaseURL())) {
      out.add(
          Diagnostic.error(
              event.path("bitbucketserverBaseURL"), "bitbucket server base url can't be empty"));
    }
    if (!isBlank(source.getCheckInterval())
        && GoDuration.tryParse(source.getCheckInterval()) == null) {
      out.add(
          Diagnostic.error(
              event.path("checkInterval"),
              "failed to parse webhook check interval duration: time: invalid duration \""
                  + source.getCheckInterval()
                  + "\""));
    }
    List<BitbucketServerRepository> repos = source.getRepositories();
    for (int i = 0; repos != null && i < repos.size(); i++) {
      BitbucketServerRepository repo = repos.get(i);
      if (isBlank(repo.getProjectKey()) || isBlank(repo.getRepositorySlug())) {
        out.add(
            Diagnostic.warning(
                event.path("repositories[" + i + "]"),
                "a repository needs projectKey and repositorySlug: its hook cannot be managed"));
      }
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
                "authSecret is not checked on bitbucketserver endpoints (as in Argo)"));
      }
    }
    SecretRefs.check(event.path("accessToken"), source.getAccessToken(), out);
    SecretRefs.check(event.path("webhookSecret"), source.getWebhookSecret(), out);
    TlsSaslRules.tls(event.path("tls"), source.getTls(), out);
    if (Boolean.TRUE.equals(source.getSkipBranchRefsChangedOnOpenPR())
        && source.getAccessToken() == null) {
      out.add(
          Diagnostic.warning(
              event.path("skipBranchRefsChangedOnOpenPR"),
              "skipBranchRefsChangedOnOpenPR needs accessToken to look up pull requests: "
                  + "no change is skipped"));
    }
    ExpressionSyntax.eventSourceFilter(event.path(), source.getFilter(), out);
  }

  @Override
  public Map<String, Object> from(
      SourceEvent<BitbucketServerEventSource> event, Diagnostics diagnostics) {
    BitbucketServerEventSource source = event.config();
    if (source == null || source.getWebhook() == null) {
      diagnostics.error(event.path(), "bitbucketserver webhook settings are missing");
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
    String accessToken =
        SecretRefs.reference(source.getAccessToken(), event.path("accessToken"), diagnostics);
    String webhookSecret =
        SecretRefs.reference(source.getWebhookSecret(), event.path("webhookSecret"), diagnostics);
    if (parameters == null
        || !SecretRefs.isValid(source.getAccessToken())
        || !SecretRefs.isValid(source.getWebhookSecret())
        || !TlsParameters.put(parameters, source.getTls(), event.path("tls"), diagnostics)) {
      return null;
    }
    putIfSet(parameters, "webhookSecret", webhookSecret);
    putIfSet(parameters, "accessToken", accessToken);
    putIfSet(parameters, "bitbucketserverBaseURL", source.getBitbucketserverBaseURL());
    if (shouldCreateWebhooks(source)) {
      parameters.put(
          "hookUrl",
          WebhookEndpointParameters.hookUrl(
              source.getWebhook().getUrl(), source.getWebhook().getEndpoint()));
    }
    putList(parameters, "events", source.getEvents());
    List<String> repos = new ArrayList<>();
    for (BitbucketServerRepository repo : repositories(source)) {
      if (!isBlank(repo.getProjectKey()) && !isBlank(repo.getRepositorySlug())) {
        repos.add(repo.getProjectKey() + "/" + repo.getRepositorySlug());
      }
    }
    putList(parameters, "repositories", repos);
    putList(parameters, "projects", source.getProjects());
    parameters.put("deleteHookOnFinish", Boolean.TRUE.equals(source.getDeleteHookOnFinish()));
    parameters.put(
        "skipBranchRefsChangedOnOpenPR",
        Boolean.TRUE.equals(source.getSkipBranchRefsChangedOnOpenPR()));
    parameters.put("oneEventPerChange", Boolean.TRUE.equals(source.getOneEventPerChange()));
    putIfSet(parameters, "checkInterval", blankToNull(source.getCheckInterval()));
    WebhookEndpointParameters.withMetadata(parameters, source.getMetadata());
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:bitbucketserver-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  @Override
  public String filterExpression(BitbucketServerEventSource event) {
    return event == null || event.getFilter() == null ? null : event.getFilter().getExpression();
  }

  /** Argo's {@code GetBitbucketServerRepositories}: the list, else the deprecated pair. */
  static List<BitbucketServerRepository> repositories(BitbucketServerEventSource source) {
    if (!isEmpty(source.getRepositories())) {
      return source.getRepositories();
    }
    if (!isBlank(source.getProjectKey()) && !isBlank(source.getRepositorySlug())) {
      BitbucketServerRepository repo = new BitbucketServerRepository();
      repo.setProjectKey(source.getProjectKey());
      repo.setRepositorySlug(source.getRepositorySlug());
      return List.of(repo);
    }
    return List.of();
  }

  static boolean shouldCreateWebhooks(BitbucketServerEventSource source) {
    return source.getAccessToken() != null
        && source.getWebhook() != null
        && !isBlank(source.getWebhook().getUrl());
  }

  /** Argo's {@code FormattedURL}: the public URL without a trailing slash, then the endpoint. */
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
