package io.caravan.routes.source.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.support.tls.TlsSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small JSON client for a provider's REST API (hook registration by webhook-style sources): fixed
 * headers (authentication among them), an optional TLS client configuration, answers above 299
 * thrown as {@link ApiException} with the status (never the request's headers), and a hook for
 * prefixes some APIs put before their JSON (Gerrit's {@code )]}'}).
 */
public final class HookApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final Map<String, String> headers;
  private final Function<String, String> bodyCleaner;

  private HookApiClient(HttpClient http, Map<String, String> headers, Function<String, String> c) {
    this.http = http;
    this.headers = Map.copyOf(headers);
    this.bodyCleaner = c;
  }

  /**
   * A client sending {@code headers} with every request, over TLS as the endpoint's {@code tls*}
   * options say ({@code tlsCaCertSecret}, {@code tlsClientCertSecret}, {@code tlsClientKeySecret},
   * {@code tlsInsecureSkipVerify}); {@code bodyCleaner} turns an answer's text into JSON text.
   */
  public static HookApiClient create(
      WebhookReceiverContext context,
      Map<String, String> headers,
      Function<String, String> bodyCleaner) {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
    TlsSettings tls = tlsSettings(context);
    if (!tls.isNone()) {
      try {
        builder.sslContext(tls.sslContext(context.where() + ": tls"));
      } catch (Exception e) {
        throw new IllegalArgumentException(context.where() + ": tls: " + e.getMessage(), e);
      }
    }
    return new HookApiClient(builder.build(), headers, bodyCleaner);
  }

  /** The endpoint's {@code tls*} options as Argo's TLSConfig. */
  static TlsSettings tlsSettings(WebhookReceiverContext context) {
    var tls = JSON.createObjectNode();
    for (String field : new String[] {"caCertSecret", "clientCertSecret", "clientKeySecret"}) {
      String ref =
          context.option("tls" + Character.toUpperCase(field.charAt(0)) + field.substring(1));
      if (ref != null) {
        int slash = ref.indexOf('/');
        tls.putObject(field)
            .put("name", ref.substring(0, Math.max(slash, 0)))
            .put("key", ref.substring(slash + 1));
      }
    }
    if (context.flag("tlsInsecureSkipVerify", false)) {
      tls.put("insecureSkipVerify", true);
    }
    SecretStore secrets = context.secrets();
    return TlsSettings.read(tls, secrets, context.where() + ": tls");
  }

  /**
   * Sends one request; {@code body} null for none. Returns the answer's JSON (null node when
   * empty).
   */
  public JsonNode send(String method, String url, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
    headers.forEach(request::header);
    request.header("Accept", "application/json");
    if (body == null) {
      request.method(method, BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    var response = http.send(request.build(), BodyHandlers.ofString());
    if (response.statusCode() > 299) {
      throw new ApiException(method, url, response.statusCode());
    }
    String text = bodyCleaner.apply(response.body() == null ? "" : response.body());
    return text.isBlank() ? NullNode.getInstance() : JSON.readTree(text);
  }

  public JsonNode get(String url) throws IOException, InterruptedException {
    return send("GET", url, null);
  }

  /** Fixed headers, in order: a convenience for {@link #create}. */
  public static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  /** A provider API answered with a status above 299. */
  public static final class ApiException extends IOException {
    private final int status;

    public ApiException(String method, String url, int status) {
      super(method + " " + url + " failed: status " + status);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }
}
