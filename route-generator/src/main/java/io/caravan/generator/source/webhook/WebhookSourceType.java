package io.caravan.generator.source.webhook;

import io.caravan.api.eventsource.EventSourceTypes;
import io.caravan.api.eventsource.webhook.WebhookEventSource;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.SecretRefs;
import io.caravan.generator.source.SourceEvent;
import io.caravan.generator.source.SourceType;
import io.caravan.generator.source.WebhookContextRules;
import io.caravan.generator.support.ExpressionSyntax;
import io.caravan.generator.yaml.RoutesYaml;
import io.caravan.generator.yaml.UriParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code spec.webhook} events → {@code kamelet:webhook-source} (inventory §1.5.1). */
public final class WebhookSourceType implements SourceType<WebhookEventSource> {

  static final String DEFAULT_METHOD = "POST";
  static final long DEFAULT_MAX_PAYLOAD_SIZE = 1_048_576L;

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
    boolean ok = true;
    String port = webhook.getPort();
    if (port == null || port.isEmpty()) {
      diagnostics.error(event.path("port"), "port is required");
      ok = false;
    } else if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
      diagnostics.error(event.path("port"), "port '" + port + "' is not a port number");
      ok = false;
    }
    String endpoint = webhook.getEndpoint();
    if (endpoint == null || endpoint.isEmpty()) {
      diagnostics.error(event.path("endpoint"), "endpoint is required");
      ok = false;
    } else if (!endpoint.startsWith("/")) {
      diagnostics.warning(
          event.path("endpoint"),
          "endpoint '" + endpoint + "' does not start with '/': served as '/" + endpoint + "'");
      endpoint = "/" + endpoint;
    }
    String authSecret =
        SecretRefs.reference(webhook.getAuthSecret(), event.path("authSecret"), diagnostics);
    String certSecret =
        SecretRefs.reference(
            webhook.getServerCertSecret(), event.path("serverCertSecret"), diagnostics);
    String keySecret =
        SecretRefs.reference(
            webhook.getServerKeySecret(), event.path("serverKeySecret"), diagnostics);
    ok &=
        SecretRefs.isValid(webhook.getAuthSecret())
            && SecretRefs.isValid(webhook.getServerCertSecret())
            && SecretRefs.isValid(webhook.getServerKeySecret());
    if ((certSecret == null) != (keySecret == null)) {
      diagnostics.warning(
          event.path(certSecret == null ? "serverKeySecret" : "serverCertSecret"),
          "TLS needs both serverCertSecret and serverKeySecret: the port serves plain HTTP");
      certSecret = null;
      keySecret = null;
    }
    if (!ok) {
      return null;
    }

    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("port", port);
    parameters.put("endpoint", endpoint);
    parameters.put("method", webhook.getMethod() == null ? DEFAULT_METHOD : webhook.getMethod());
    parameters.put(
        "maxPayloadSize",
        webhook.getMaxPayloadSize() == null
            ? DEFAULT_MAX_PAYLOAD_SIZE
            : webhook.getMaxPayloadSize());
    putIfSet(parameters, "authSecret", authSecret);
    putIfSet(parameters, "serverCertSecret", certSecret);
    putIfSet(parameters, "serverKeySecret", keySecret);
    if (webhook.getMetadata() != null && !webhook.getMetadata().isEmpty()) {
      parameters.put("metadata", RoutesYaml.compactJson(webhook.getMetadata()));
    }
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:webhook-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  @Override
  public String filterExpression(WebhookEventSource event) {
    return event == null || event.getFilter() == null ? null : event.getFilter().getExpression();
  }
}
