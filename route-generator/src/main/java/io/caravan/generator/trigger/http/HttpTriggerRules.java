package io.caravan.generator.trigger.http;

import static io.caravan.generator.support.Fields.blank;
import static io.caravan.generator.support.Fields.required;

import io.caravan.api.sensor.HttpTrigger;
import io.caravan.api.sensor.SecureHeader;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.SecretRefs;
import io.caravan.generator.trigger.ParameterRules;
import java.util.List;
import java.util.Set;

/** Argo's rules for an http trigger (inventory §4.5). */
final class HttpTriggerRules {

  static final Set<String> HTTP_METHODS = Set.of("GET", "DELETE", "PATCH", "POST", "PUT");

  private HttpTriggerRules() {}

  static void check(String path, HttpTrigger http, List<Diagnostic> out) {
    required(out, path + ".url", http.getUrl(), "url");
    if (!blank(http.getMethod()) && !HTTP_METHODS.contains(http.getMethod())) {
      out.add(
          Diagnostic.error(
              path + ".method",
              "method '" + http.getMethod() + "' must be one of GET, DELETE, PATCH, POST, PUT"));
    }
    if (http.getTimeout() != null && http.getTimeout() < 0) {
      out.add(Diagnostic.error(path + ".timeout", "timeout must not be negative"));
    }
    ParameterRules.check(path + ".payload", http.getPayload(), false, out);
    ParameterRules.check(path + ".parameters", http.getParameters(), true, out);
    ParameterRules.check(path + ".dynamicHeaders", http.getDynamicHeaders(), true, out);
    List<SecureHeader> secureHeaders =
        http.getSecureHeaders() == null ? List.of() : http.getSecureHeaders();
    for (int i = 0; i < secureHeaders.size(); i++) {
      String p = path + ".secureHeaders[" + i + "]";
      SecureHeader header = secureHeaders.get(i);
      required(out, p + ".name", header == null ? null : header.getName(), "header name");
      var from = header == null ? null : header.getValueFrom();
      if (from == null || (from.getSecretKeyRef() == null) == (from.getConfigMapKeyRef() == null)) {
        out.add(
            Diagnostic.error(
                p + ".valueFrom",
                "valueFrom needs exactly one of secretKeyRef or configMapKeyRef"));
      } else if (from.getSecretKeyRef() != null) {
        SecretRefs.check(p + ".valueFrom.secretKeyRef", from.getSecretKeyRef(), out);
      } else {
        required(
            out,
            p + ".valueFrom.configMapKeyRef.name",
            from.getConfigMapKeyRef().getName(),
            "ConfigMap name");
        required(
            out,
            p + ".valueFrom.configMapKeyRef.key",
            from.getConfigMapKeyRef().getKey(),
            "ConfigMap key");
      }
    }
  }
}
