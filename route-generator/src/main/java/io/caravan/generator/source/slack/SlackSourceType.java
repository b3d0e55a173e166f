package io.caravan.generator.source.slack;

import io.caravan.api.eventsource.WebhookContext;
import io.caravan.api.eventsource.slack.SlackEventSource;
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
 * {@code spec.slack} events → {@code kamelet:slack-source}: a Slack app's request URL on the shared
 * webhook server (Events API, interactions, slash commands), with Argo's validation ({@code
 * slack/validate.go}: token and signingSecret required, the endpoint's rules; inventory §1.4 #19).
 */
public final class SlackSourceType implements SourceType<SlackEventSource> {

  @Override
  public String key() {
    return "slack";
  }

  @Override
  public Class<SlackEventSource> model() {
    return SlackEventSource.class;
  }

  @Override
  public void check(SourceEvent<SlackEventSource> event, List<Diagnostic> out) {
    SlackEventSource source = event.config();
    if (source == null) {
      out.add(Diagnostic.error(event.path(), "slack settings are missing"));
      return;
    }
    if (source.getToken() == null) {
      out.add(Diagnostic.error(event.path("token"), "token not provided"));
    }
    if (source.getSigningSecret() == null) {
      out.add(Diagnostic.error(event.path("signingSecret"), "signingSecret not provided"));
    }
    SecretRefs.check(event.path("token"), source.getToken(), out);
    SecretRefs.check(event.path("signingSecret"), source.getSigningSecret(), out);
    WebhookContext webhook = source.getWebhook();
    if (webhook == null) {
      out.add(Diagnostic.error(event.path("webhook"), "webhook is required"));
    } else {
      WebhookContextRules.check(event.path("webhook"), webhook, out);
      if (webhook.getAuthSecret() != null) {
        out.add(
            Diagnostic.warning(
                event.path("webhook.authSecret"),
                "authSecret is not checked on slack endpoints (as in Argo): the signing secret"
                    + " is"));
      }
    }
    if (source.getMetadata() != null && !source.getMetadata().isEmpty()) {
      out.add(
          Diagnostic.warning(
              event.path("metadata"),
              "metadata is not added to slack events (as in Argo): the event data is Slack's"
                  + " object"));
    }
    ExpressionSyntax.eventSourceFilter(event.path(), source.getFilter(), out);
  }

  @Override
  public Map<String, Object> from(SourceEvent<SlackEventSource> event, Diagnostics diagnostics) {
    SlackEventSource source = event.config();
    if (source == null || source.getWebhook() == null) {
      diagnostics.error(event.path(), "slack webhook settings are missing");
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
    parameters.put(
        "signingSecret",
        SecretRefs.reference(source.getSigningSecret(), event.path("signingSecret"), diagnostics));
    parameters.put(
        "token", SecretRefs.reference(source.getToken(), event.path("token"), diagnostics));
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:slack-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  @Override
  public String filterExpression(SlackEventSource event) {
    return event == null || event.getFilter() == null ? null : event.getFilter().getExpression();
  }
}
