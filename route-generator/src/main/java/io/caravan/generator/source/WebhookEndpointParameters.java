package io.caravan.generator.source;

import io.caravan.api.eventsource.WebhookContext;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.SecretRefs;
import io.caravan.generator.yaml.RoutesYaml;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kamelet parameters of the HTTP endpoint every webhook-style source shares (port, endpoint,
 * maxPayloadSize, TLS secrets, metadata), from its {@link WebhookContext}. The shared server behind
 * them is {@code argo-webhook:}; a typed source adds its own parameters between {@link #of} and
 * {@link #withMetadata}.
 */
public final class WebhookEndpointParameters {
  public static final long DEFAULT_MAX_PAYLOAD_SIZE = 1_048_576L;

  private WebhookEndpointParameters() {}

  /**
   * Port, endpoint, maxPayloadSize and the TLS secret references of the endpoint at {@code path};
   * null (with errors added) when the endpoint cannot run.
   */
  public static Map<String, Object> of(
      String path, WebhookContext webhook, Diagnostics diagnostics) {
    boolean ok = true;
    String port = webhook.getPort();
    if (port == null || port.isEmpty()) {
      diagnostics.error(path + ".port", "port is required");
      ok = false;
    } else if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
      diagnostics.error(path + ".port", "port '" + port + "' is not a port number");
      ok = false;
    }
    String endpoint = webhook.getEndpoint();
    if (endpoint == null || endpoint.isEmpty()) {
      diagnostics.error(path + ".endpoint", "endpoint is required");
      ok = false;
    } else if (!endpoint.startsWith("/")) {
      diagnostics.warning(
          path + ".endpoint",
          "endpoint '" + endpoint + "' does not start with '/': served as '/" + endpoint + "'");
      endpoint = "/" + endpoint;
    }
    String certSecret =
        SecretRefs.reference(
            webhook.getServerCertSecret(), path + ".serverCertSecret", diagnostics);
    String keySecret =
        SecretRefs.reference(webhook.getServerKeySecret(), path + ".serverKeySecret", diagnostics);
    ok &=
        SecretRefs.isValid(webhook.getServerCertSecret())
            && SecretRefs.isValid(webhook.getServerKeySecret());
    if ((certSecret == null) != (keySecret == null)) {
      diagnostics.warning(
          path + (certSecret == null ? ".serverKeySecret" : ".serverCertSecret"),
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
    parameters.put(
        "maxPayloadSize",
        webhook.getMaxPayloadSize() == null
            ? DEFAULT_MAX_PAYLOAD_SIZE
            : webhook.getMaxPayloadSize());
    if (certSecret != null) {
      parameters.put("serverCertSecret", certSecret);
      parameters.put("serverKeySecret", keySecret);
    }
    return parameters;
  }

  /** Adds the event metadata (compact JSON) last, when there is any; returns {@code parameters}. */
  public static Map<String, Object> withMetadata(
      Map<String, Object> parameters, Map<String, String> metadata) {
    if (metadata != null && !metadata.isEmpty()) {
      parameters.put("metadata", RoutesYaml.compactJson(metadata));
    }
    return parameters;
  }

  /**
   * The URL a provider's hook is registered with: the webhook {@code url} joined with the {@code
   * endpoint} path by exactly one slash, as Argo formats it.
   */
  public static String hookUrl(String url, String endpoint) {
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    String path = endpoint == null ? "" : endpoint.startsWith("/") ? endpoint : "/" + endpoint;
    return base + path;
  }
}
