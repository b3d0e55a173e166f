package io.caravan.routes.source.webhook;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;

/**
 * {@code caravan run}'s line for a webhook: {@code METHOD url}, the URL a client on this host
 * calls.
 */
public final class WebhookSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "webhook-source";
  }

  @Override
  public String heading() {
    return "Webhooks";
  }

  @Override
  public String describe(Map<String, Object> parameters) {
    String host = text(parameters.get("host"));
    if (host == null || host.isBlank() || host.equals("0.0.0.0")) {
      host = "localhost";
    }
    String scheme = parameters.get("serverCertSecret") != null ? "https" : "http";
    String endpoint = text(parameters.get("endpoint"));
    if (endpoint == null) {
      endpoint = "/";
    } else if (!endpoint.startsWith("/")) {
      endpoint = "/" + endpoint;
    }
    String method = text(parameters.get("method"));
    return String.format(
        "%-6s %s://%s:%s%s",
        method == null ? "POST" : method, scheme, host, text(parameters.get("port")), endpoint);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
