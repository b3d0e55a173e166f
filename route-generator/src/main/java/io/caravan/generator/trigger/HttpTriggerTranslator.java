package io.caravan.generator.trigger;

import io.caravan.api.sensor.HttpTrigger;
import io.caravan.api.sensor.TriggerPolicy;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.yaml.Ordered;
import io.caravan.generator.yaml.UriParameters;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code template.http} → {@code kamelet:http-sink}. Payload, headers and parameters are applied
 * by the runtime's TriggerTemplate bean from the trigger YAML, as are basicAuth and tls (secret
 * references); the sink gets url, method, timeoutSeconds and the allowed statuses
 * ({@code policy.status.allow}).
 */
public final class HttpTriggerTranslator implements TriggerTranslator {

  static final String DEFAULT_METHOD = "POST";
  static final long DEFAULT_TIMEOUT_SECONDS = 60;
  private static final List<String> METHODS = List.of("GET", "DELETE", "PATCH", "POST", "PUT");

  @Override
  public String type() {
    return "http";
  }

  @Override
  public Map<String, Object> sink(TriggerInput input, Diagnostics diagnostics) {
    HttpTrigger http = input.trigger().getTemplate().getHttp();
    if (http.getUrl() == null || http.getUrl().isEmpty()) {
      diagnostics.error(input.typePath("http", "url"), "url is required");
      return null;
    }
    String method = http.getMethod() == null || http.getMethod().isEmpty()
        ? DEFAULT_METHOD : http.getMethod();
    if (!METHODS.contains(method)) {
      diagnostics.error(input.typePath("http", "method"),
          "method '" + method + "' must be one of " + String.join(", ", METHODS));
      return null;
    }
    diagnostics.unsupportedIfSet(http.getHost(), input.typePath("http", "host"),
        "HTTP trigger host override");
    long timeout = http.getTimeout() == null || http.getTimeout() <= 0
        ? DEFAULT_TIMEOUT_SECONDS : http.getTimeout();
    return Ordered.map(
        "uri", "kamelet:http-sink",
        "parameters", UriParameters.of(Ordered.map(
            "url", http.getUrl(),
            "method", method,
            "timeoutSeconds", timeout,
            "statusAllow", statusAllow(input.trigger().getPolicy()))));
  }

  /** {@code policy.status.allow} as comma-separated codes, or null. */
  static String statusAllow(TriggerPolicy policy) {
    if (policy == null || policy.getStatus() == null || policy.getStatus().getAllow() == null
        || policy.getStatus().getAllow().isEmpty()) {
      return null;
    }
    return policy.getStatus().getAllow().stream().map(String::valueOf)
        .collect(Collectors.joining(","));
  }
}
