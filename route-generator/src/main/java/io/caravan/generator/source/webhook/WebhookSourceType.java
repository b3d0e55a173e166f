package io.caravan.generator.source.webhook;

import io.caravan.api.eventsource.EventSourceTypes;
import io.caravan.api.eventsource.webhook.WebhookEventSource;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.SecretRefs;
import io.caravan.generator.source.SourceEvent;
import io.caravan.generator.source.SourceType;
import io.caravan.generator.source.WebhookContextRules;
import io.caravan.generator.source.WebhookEndpointParameters;
import io.caravan.generator.support.ExpressionSyntax;
import io.caravan.generator.yaml.UriParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code spec.webhook} events → {@code kamelet:webhook-source} (inventory §1.5.1). */
public final class WebhookSourceType implements SourceType<WebhookEventSource> {

  static final String DEFAULT_METHOD = "POST";

  @Override
  public String key() {
    return EventSourceTypes.WEBHOOK;
  }

  @Override
  public Class<WebhookEventSource> model() {
    return WebhookEventSource.class;
  }

  @Override
  public void check(SourceEvent<WebhookEventSource> event, List<Diagnostic> out) {
    WebhookEventSource webhook = event.config();
    if (webhook == null) {
      out.add(
          Diagnostic.error(
              event.path(), "webhook event '" + event.eventName() + "' has no settings"));
      return;
    }
    WebhookContextRules.check(event.path(), webhook, out);
    ExpressionSyntax.eventSourceFilter(event.path(), webhook.getFilter(), out);
  }

  @Override
  public Map<String, Object> from(SourceEvent<WebhookEventSource> event, Diagnostics diagnostics) {
    WebhookEventSource webhook = event.config();
    if (webhook == null) {
      diagnostics.error(event.path(), "webhook settings are missing");
      return null;
    }
    Map<String, Object> parameters =
        WebhookEndpointParameters.of(event.path(), webhook, diagnostics);
    String authSecret =
        SecretRefs.reference(webhook.getAuthSecret(), event.path("authSecret"), diagnostics);
    if (parameters == null || !SecretRefs.isValid(webhook.getAuthSecret())) {
      return null;
    }
    parameters.put("method", webhook.getMethod() == null ? DEFAULT_METHOD : webhook.getMethod());
    if (authSecret != null) {
      parameters.put("authSecret", authSecret);
    }
    WebhookEndpointParameters.withMetadata(parameters, webhook.getMetadata());
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:webhook-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  @Override
  public String filterExpression(WebhookEventSource event) {
    return event == null || event.getFilter() == null ? null : event.getFilter().getExpression();
  }
}
