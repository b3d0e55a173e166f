package io.caravan.generator.source.bitbucket;

import io.caravan.api.common.SecretKeySelector;
import io.caravan.api.eventsource.WebhookContext;
import io.caravan.api.eventsource.bitbucket.BitbucketAuth;
import io.caravan.api.eventsource.bitbucket.BitbucketBasicAuth;
import io.caravan.api.eventsource.bitbucket.BitbucketEventSource;
import io.caravan.api.eventsource.bitbucket.BitbucketRepository;
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
 * {@code spec.bitbucket} events → {@code kamelet:bitbucket-source}: a Bitbucket Cloud endpoint on
 * the shared webhook server, with Argo's validation ({@code bitbucket/validate.go}) and hook
 * management settings (inventory §1.4 #27, §2.3).
 */
public final class BitbucketSourceType implements SourceType<BitbucketEventSource> {

  @Override
  public String key() {
    return "bitbucket";
  }

  @Override
  public Class<BitbucketEventSource> model() {
    return BitbucketEventSource.class;
  }

  @Override
  public void check(SourceEvent<BitbucketEventSource> event, List<Diagnostic> out) {
    BitbucketEventSource source = event.config();
    if (source == null) {
      out.add(Diagnostic.error(event.path(), "bitbucket settings are missing"));
      return;
    }
    if (repositories(source).isEmpty()) {
      out.add(Diagnostic.error(event.path(), "at least one repository is required"));
    }
    BitbucketAuth auth = source.getAuth();
    if (auth == null) {
      // Argo's validation dereferences auth (ShouldCreateWebhooks) and fails without it
      out.add(Diagnostic.error(event.path("auth"), "auth is required"));
    } else {
      BitbucketBasicAuth basic = auth.getBasic();
      if (basic != null && (basic.getUsername() == null || basic.getPassword() == null)) {
        out.add(
            Diagnostic.warning(
                event.path("auth.basic"),
                "basic auth needs both username and password: it is not used (as in Argo)"));
      }
      if (basic != null) {
        SecretRefs.check(event.path("auth.basic.username"), basic.getUsername(), out);
        SecretRefs.check(event.path("auth.basic.password"), basic.getPassword(), out);
      }
      SecretRefs.check(event.path("auth.oauthToken"), auth.getOauthToken(), out);
      if (hasBasic(auth) && auth.getOauthToken() != null) {
        out.add(
            Diagnostic.warning(
                event.path("auth"),
                "both basic and oauthToken are set: basic is used (as in Argo)"));
      }
    }
    if (shouldCreateWebhooks(source)
        && (source.getEvents() == null || source.getEvents().isEmpty())) {
      out.add(
          Diagnostic.error(
              event.path("events"), "events must be defined to create a bitbucket webhooks"));
    }
    List<BitbucketRepository> repos = source.getRepositories();
    for (int i = 0; repos != null && i < repos.size(); i++) {
      if (blank(repos.get(i).getOwner()) || blank(repos.get(i).getRepositorySlug())) {
        out.add(
            Diagnostic.warning(
                event.path("repositories[" + i + "]"),
                "a repository needs owner and repositorySlug: its hook cannot be managed"));
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
                "authSecret is not checked on bitbucket endpoints (as in Argo)"));
      }
    }
    ExpressionSyntax.eventSourceFilter(event.path(), source.getFilter(), out);
  }

  @Override
  public Map<String, Object> from(
      SourceEvent<BitbucketEventSource> event, Diagnostics diagnostics) {
    BitbucketEventSource source = event.config();
    if (source == null || source.getWebhook() == null) {
      diagnostics.error(event.path(), "bitbucket webhook settings are missing");
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
    if (parameters == null) {
      return null;
    }
    BitbucketAuth auth = source.getAuth();
    if (hasBasic(auth)) {
      parameters.put(
          "basicUsername",
          SecretRefs.reference(
              auth.getBasic().getUsername(), event.path("auth.basic.username"), diagnostics));
      parameters.put(
          "basicPassword",
          SecretRefs.reference(
              auth.getBasic().getPassword(), event.path("auth.basic.password"), diagnostics));
    } else if (auth.getOauthToken() != null) {
      parameters.put(
          "oauthToken",
          SecretRefs.reference(auth.getOauthToken(), event.path("auth.oauthToken"), diagnostics));
    }
    if (shouldCreateWebhooks(source)) {
      parameters.put(
          "hookUrl",
          WebhookEndpointParameters.hookUrl(
              source.getWebhook().getUrl(), source.getWebhook().getEndpoint()));
    }
    if (source.getEvents() != null && !source.getEvents().isEmpty()) {
      parameters.put("events", String.join(",", source.getEvents()));
    }
    List<String> repos = new ArrayList<>();
    for (BitbucketRepository repo : repositories(source)) {
      if (!blank(repo.getOwner()) && !blank(repo.getRepositorySlug())) {
        repos.add(repo.getOwner() + "/" + repo.getRepositorySlug());
      }
    }
    if (!repos.isEmpty()) {
      parameters.put("repositories", String.join(",", repos));
    }
    parameters.put("deleteHookOnFinish", Boolean.TRUE.equals(source.getDeleteHookOnFinish()));
    WebhookEndpointParameters.withMetadata(parameters, source.getMetadata());
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:bitbucket-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  @Override
  public String filterExpression(BitbucketEventSource event) {
    return event == null || event.getFilter() == null ? null : event.getFilter().getExpression();
  }

  /** Argo's {@code GetBitbucketRepositories}: the list, else the deprecated owner + slug. */
  static List<BitbucketRepository> repositories(BitbucketEventSource source) {
    if (source.getRepositories() != null && !source.getRepositories().isEmpty()) {
      return source.getRepositories();
    }
    if (!blank(source.getOwner()) && !blank(source.getRepositorySlug())) {
      BitbucketRepository repo = new BitbucketRepository();
      repo.setOwner(source.getOwner());
      repo.setRepositorySlug(source.getRepositorySlug());
      return List.of(repo);
    }
    return List.of();
  }

  private static boolean hasBasic(BitbucketAuth auth) {
    return auth != null
        && auth.getBasic() != null
        && auth.getBasic().getUsername() != null
        && auth.getBasic().getPassword() != null;
  }

  static boolean shouldCreateWebhooks(BitbucketEventSource source) {
    BitbucketAuth auth = source.getAuth();
    SecretKeySelector token = auth == null ? null : auth.getOauthToken();
    return (hasBasic(auth) || token != null)
        && source.getWebhook() != null
        && !blank(source.getWebhook().getUrl());
  }

  private static boolean blank(String text) {
    return text == null || text.isEmpty();
  }
}
