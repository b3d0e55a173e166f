package io.caravan.generator.source;

import io.caravan.api.eventsource.WebhookContext;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.SecretRefs;
import java.util.List;

/**
 * Argo's rules for the HTTP endpoint settings ({@code WebhookContext}, inventory §1.5.1) that
 * webhook and every webhook-style source type (github, gitlab, slack…) share.
 */
public final class WebhookContextRules {

  private WebhookContextRules() {}

  /** The endpoint settings at {@code path}, e.g. {@code spec.webhook.example}. */
  public static void check(String path, WebhookContext webhook, List<Diagnostic> out) {
    String endpoint = webhook.getEndpoint();
    if (endpoint == null || endpoint.isEmpty()) {
      out.add(Diagnostic.error(path + ".endpoint", "endpoint is required"));
    } else if (!endpoint.startsWith("/")) {
      out.add(
          Diagnostic.error(path + ".endpoint", "endpoint '" + endpoint + "' must start with '/'"));
    }
    String port = webhook.getPort();
    if (port == null || port.isEmpty()) {
      out.add(Diagnostic.error(path + ".port", "port is required"));
    } else if (!port.matches("\\d{1,5}")
        || Integer.parseInt(port) < 1
        || Integer.parseInt(port) > 65535) {
      out.add(
          Diagnostic.error(path + ".port", "port '" + port + "' must be a number from 1 to 65535"));
    }
    if (webhook.getMaxPayloadSize() != null && webhook.getMaxPayloadSize() <= 0) {
      out.add(Diagnostic.error(path + ".maxPayloadSize", "maxPayloadSize must be positive"));
    }
    SecretRefs.check(path + ".authSecret", webhook.getAuthSecret(), out);
    SecretRefs.check(path + ".serverCertSecret", webhook.getServerCertSecret(), out);
    SecretRefs.check(path + ".serverKeySecret", webhook.getServerKeySecret(), out);
    if ((webhook.getServerCertSecret() == null) != (webhook.getServerKeySecret() == null)) {
      out.add(
          Diagnostic.warning(
              path, "HTTPS needs both serverCertSecret and serverKeySecret; serving plain HTTP"));
    }
  }
}
