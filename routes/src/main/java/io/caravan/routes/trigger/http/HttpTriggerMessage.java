package io.caravan.routes.trigger.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.common.ConfigMapKeySelector;
import io.caravan.api.common.SecretKeySelector;
import io.caravan.api.sensor.HttpTrigger;
import io.caravan.api.sensor.SecureHeader;
import io.caravan.api.sensor.TriggerParameter;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.trigger.ParameterValue;
import io.caravan.routes.trigger.TriggerParameters;
import io.caravan.routes.trigger.TriggerTemplate;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The HTTP request of an http trigger, as Argo builds it: the http block's {@code parameters}
 * applied first, then the payload from {@code payload[]}, then the headers in Argo's order ({@code
 * headers}, {@code dynamicHeaders}, {@code secureHeaders}, {@code basicAuth}). No Content-Type is
 * added. Secret values go only into the message headers, never into errors or logs.
 */
public final class HttpTriggerMessage {
  private static final String FIELD = "trigger.template.http";

  private final HttpTrigger http;
  private final Map<String, ArgoEvent> events;
  private final Supplier<SecretStore> secrets;

  public HttpTriggerMessage(
      HttpTrigger http, Map<String, ArgoEvent> events, Supplier<SecretStore> secrets) {
    this.http = applyResourceParameters(http, events);
    this.events = events;
    this.secrets = secrets;
  }

  /**
   * Sets the body (payload bytes), {@code CamelHttpUri}, {@code CamelHttpMethod}, the HTTP headers
   * and the {@code tls} block (secret references, read by {@link HttpTriggerSink}).
   */
  public void writeTo(Message message) {
    if (http.getUrl() == null || http.getUrl().isBlank()) {
      throw new IllegalArgumentException(FIELD + ".url: is required");
    }
    byte[] payload = TriggerParameters.payload(http.getPayload(), events, FIELD + ".payload");
    Map<String, String> headers = headers();
    message.getHeaders().keySet().removeIf(name -> name.startsWith(HttpTriggerSink.HEADER_PREFIX));
    message.setBody(payload);
    message.setHeader(Exchange.HTTP_URI, http.getUrl());
    String method = http.getMethod();
    message.setHeader(
        Exchange.HTTP_METHOD,
        method == null || method.isBlank() ? "POST" : method.toUpperCase(Locale.ROOT));
    headers.forEach(
        (name, value) -> message.setHeader(HttpTriggerSink.HEADER_PREFIX + name, value));
    JsonNode tls = http.getTls();
    if (tls != null && !tls.isNull()) {
      message.setHeader(HttpTriggerSink.TLS_HEADER, tls);
    } else {
      message.removeHeader(HttpTriggerSink.TLS_HEADER);
    }
  }

  private Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    if (http.getHeaders() != null) {
      headers.putAll(http.getHeaders());
    }
    List<TriggerParameter> dynamic = http.getDynamicHeaders();
    if (dynamic != null) {
      for (int i = 0; i < dynamic.size(); i++) {
        TriggerParameter param = dynamic.get(i);
        String where = FIELD + ".dynamicHeaders[" + i + "]";
        if (param.getDest() == null || param.getDest().isEmpty()) {
          throw new IllegalArgumentException(where + ".dest: the header name is required");
        }
        Optional<ParameterValue> value = TriggerParameters.resolve(param, events, where);
        value.ifPresent(v -> headers.put(param.getDest(), v.text()));
      }
    }
    List<SecureHeader> secure = http.getSecureHeaders();
    if (secure != null) {
      for (int i = 0; i < secure.size(); i++) {
        SecureHeader header = secure.get(i);
        String where = FIELD + ".secureHeaders[" + i + "]";
        if (header.getName() == null || header.getName().isEmpty()) {
          throw new IllegalArgumentException(where + ".name: is required");
        }
        headers.put(header.getName(), secureValue(header, where));
      }
    }
    JsonNode basicAuth = http.getBasicAuth();
    if (basicAuth != null && !basicAuth.isNull()) {
      String user = secretFromNode(basicAuth.get("username"), FIELD + ".basicAuth.username");
      String password = secretFromNode(basicAuth.get("password"), FIELD + ".basicAuth.password");
      String token =
          Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      headers.put("Authorization", "Basic " + token);
    }
    return headers;
  }

  private String secureValue(SecureHeader header, String where) {
    if (header.getValueFrom() == null) {
      throw new IllegalArgumentException(where + ".valueFrom: is required");
    }
    SecretKeySelector secret = header.getValueFrom().getSecretKeyRef();
    if (secret != null) {
      return secret(secret.getName(), secret.getKey(), where + ".valueFrom.secretKeyRef");
    }
    ConfigMapKeySelector configMap = header.getValueFrom().getConfigMapKeyRef();
    if (configMap != null) {
      String ref = configMap.getName() + "/" + configMap.getKey();
      return secrets
          .get()
          .configMap(configMap.getName(), configMap.getKey())
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      where + ".valueFrom.configMapKeyRef: ConfigMap key '" + ref + "' not found"));
    }
    throw new IllegalArgumentException(
        where + ".valueFrom: secretKeyRef or configMapKeyRef is required");
  }

  private String secretFromNode(JsonNode selector, String where) {
    if (selector == null || selector.isNull()) {
      return "";
    }
    return secret(selector.path("name").asText(null), selector.path("key").asText(null), where);
  }

  private String secret(String name, String key, String where) {
    if (name == null || key == null) {
      throw new IllegalArgumentException(where + ": name and key are required");
    }
    return secrets
        .get()
        .secret(name, key)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    where + ": Secret key '" + name + "/" + key + "' not found"));
  }

  private static HttpTrigger applyResourceParameters(
      HttpTrigger http, Map<String, ArgoEvent> events) {
    if (http.getParameters() == null || http.getParameters().isEmpty()) {
      return http;
    }
    JsonNode json = TriggerTemplate.JSON.valueToTree(http);
    json = TriggerParameters.apply(json, http.getParameters(), events, FIELD + ".parameters");
    try {
      return TriggerTemplate.JSON.treeToValue(json, HttpTrigger.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          FIELD
              + ".parameters: the http trigger no longer reads after applying them: "
              + e.getMessage(),
          e);
    }
  }
}
