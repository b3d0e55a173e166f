package io.caravan.generator.trigger.http;

import io.caravan.api.sensor.HttpTrigger;
import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.support.TlsSaslRules;
import io.caravan.generator.trigger.TriggerInput;
import io.caravan.generator.trigger.TriggerType;
import io.caravan.generator.yaml.Ordered;
import io.caravan.generator.yaml.UriParameters;
import java.util.List;
import java.util.Map;

/**
 * {@code template.http} → {@code kamelet:http-sink}. Payload, headers and parameters are applied by
 * the runtime's TriggerTemplate bean from the trigger YAML, as are basicAuth and tls (secret
 * references); the sink gets url, method, timeoutSeconds and the allowed statuses ({@code
 * policy.status.allow}).
 */
public final class HttpTriggerType implements TriggerType {

  static final String DEFAULT_METHOD = "POST";
  static final long DEFAULT_TIMEOUT_SECONDS = 60;
  private static final List<String> METHODS = List.of("GET", "DELETE", "PATCH", "POST", "PUT");

  @Override
  public String key() {
    return "http";
  }

  @Override
  public void check(String path, TriggerTemplate template, List<Diagnostic> out) {
    HttpTrigger http = template.getHttp();
    HttpTriggerRules.check(path + ".http", http, out);
    TlsSaslRules.tls(path + ".http.tls", http.getTls(), out);
    if (http.getHost() != null) {
      out.add(Diagnostic.unsupported(path + ".http.host", "HTTP host"));
    }
  }

  @Override
  public Map<String, Object> sink(TriggerInput input, Diagnostics diagnostics) {
    HttpTrigger http = input.trigger().getTemplate().getHttp();
    if (http.getUrl() == null || http.getUrl().isEmpty()) {
      diagnostics.error(input.typePath("http", "url"), "url is required");
      return null;
    }
    String method =
        http.getMethod() == null || http.getMethod().isEmpty() ? DEFAULT_METHOD : http.getMethod();
    if (!METHODS.contains(method)) {
      diagnostics.error(
          input.typePath("http", "method"),
          "method '" + method + "' must be one of " + String.join(", ", METHODS));
      return null;
    }
    diagnostics.unsupportedIfSet(
        http.getHost(), input.typePath("http", "host"), "HTTP trigger host override");
    long timeout =
        http.getTimeout() == null || http.getTimeout() <= 0
            ? DEFAULT_TIMEOUT_SECONDS
            : http.getTimeout();
    return Ordered.map(
        "uri",
        "kamelet:http-sink",
        "parameters",
        UriParameters.of(
            Ordered.map(
                "url",
                http.getUrl(),
                "method",
                method,
                "timeoutSeconds",
                timeout,
                "statusAllow",
                input.statusAllow())));
  }
}
