package io.caravan.generator.source.gerrit;

import io.caravan.api.eventsource.WebhookContext;
import io.caravan.api.eventsource.gerrit.GerritEventSource;
import io.caravan.api.eventsource.nats.BasicAuth;
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
 * {@code spec.gerrit} events → {@code kamelet:gerrit-source}: an endpoint for Gerrit's webhooks
 * plugin on the shared webhook server, with Argo's validation ({@code gerrit/validate.go}) and hook
 * management settings (inventory §1.4 #31, §2.3).
 */
public final class GerritSourceType implements SourceType<GerritEventSource> {

  @Override
  public String key() {
    return "gerrit";
  }

  @Override
  public Class<GerritEventSource> model() {
    return GerritEventSource.class;
  }

  @Override
  public void check(SourceEvent<GerritEventSource> event, List<Diagnostic> out) {
    GerritEventSource source = event.config();
    if (source == null) {
      out.add(Diagnostic.error(event.path(), "gerrit settings are missing"));
      return;
    }
    if (source.getProjects() == null || source.getProjects().isEmpty()) {
      out.add(Diagnostic.error(event.path("projects"), "projects cannot be empty"));
    }
    // as Argo: only a missing list is refused, an empty one is accepted
    if (source.getEvents() == null) {
      out.add(Diagnostic.error(event.path("events"), "events can't be empty"));
    }
    if (blank(source.getGerritBaseURL())) {
      out.add(Diagnostic.error(event.path("gerritBaseURL"), "gerrit base url can't be empty"));
    }
    BasicAuth auth = source.getAuth();
    if (auth == null) {
      out.add(Diagnostic.error(event.path("auth"), "username and password can't be empty"));
    } else {
      SecretRefs.check(event.path("auth.username"), auth.getUsername(), out);
      SecretRefs.check(event.path("auth.password"), auth.getPassword(), out);
      if (auth.getUsername() == null || auth.getPassword() == null) {
        out.add(
            Diagnostic.warning(
                event.path("auth"),
                "auth needs both username and password: requests to Gerrit would fail"));
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
                "authSecret is not checked on gerrit endpoints (as in Argo)"));
      }
      if (!blank(webhook.getUrl()) && blank(source.getHookName())) {
        out.add(
            Diagnostic.warning(event.path("hookName"), "hookName is empty: no hook is registered"));
      }
    }
    ExpressionSyntax.eventSourceFilter(event.path(), source.getFilter(), out);
  }

  @Override
  public Map<String, Object> from(SourceEvent<GerritEventSource> event, Diagnostics diagnostics) {
    GerritEventSource source = event.config();
    if (source == null || source.getWebhook() == null) {
      diagnostics.error(event.path(), "gerrit webhook settings are missing");
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
    BasicAuth auth = source.getAuth();
    putIfSet(
        parameters,
        "username",
        SecretRefs.reference(auth.getUsername(), event.path("auth.username"), diagnostics));
    putIfSet(
        parameters,
        "password",
        SecretRefs.reference(auth.getPassword(), event.path("auth.password"), diagnostics));
    parameters.put("gerritBaseURL", source.getGerritBaseURL());
    WebhookContext webhook = source.getWebhook();
    if (!blank(webhook.getUrl()) && !blank(source.getHookName())) {
      parameters.put(
          "hookUrl", WebhookEndpointParameters.hookUrl(webhook.getUrl(), webhook.getEndpoint()));
    }
    putIfSet(parameters, "hookName", blank(source.getHookName()) ? null : source.getHookName());
    if (!source.getEvents().isEmpty()) {
      parameters.put("events", String.join(",", source.getEvents()));
    }
    parameters.put("projects", String.join(",", source.getProjects()));
    parameters.put("sslVerify", Boolean.TRUE.equals(source.getSslVerify()));
    parameters.put("deleteHookOnFinish", Boolean.TRUE.equals(source.getDeleteHookOnFinish()));
    WebhookEndpointParameters.withMetadata(parameters, source.getMetadata());
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:gerrit-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  @Override
  public String filterExpression(GerritEventSource event) {
    return event == null || event.getFilter() == null ? null : event.getFilter().getExpression();
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isEmpty();
  }
}
