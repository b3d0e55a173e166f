package io.caravan.generator.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.sensor.TriggerPolicy;
import io.caravan.expr.GoDuration;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.yaml.Ordered;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code policy.k8s} ({@code labels}, {@code backoff}, {@code errorOnBackoffTimeout}) as the sink
 * parameters {@code policyLabels} ({@code key=value,…}), {@code policySteps}, {@code
 * policyDuration}, {@code policyFactor}, {@code policyJitter}, {@code policyErrorOnTimeout} of the
 * k8s and argoWorkflow sinks.
 */
public final class K8sPolicyParameters {
  private K8sPolicyParameters() {}

  /** The parameters (empty when there is no k8s policy), or null after an error. */
  public static Map<String, Object> of(TriggerInput input, Diagnostics diagnostics) {
    TriggerPolicy policy = input.trigger().getPolicy();
    JsonNode k8s = policy == null ? null : policy.getK8s();
    if (k8s == null || k8s.isNull()) {
      return Map.of();
    }
    String path = input.path() + ".policy.k8s";
    JsonNode labels = k8s.path("labels");
    if (!labels.isObject() || labels.isEmpty()) {
      diagnostics.error(path + ".labels", "k8s policy needs labels");
      return null;
    }
    StringJoiner pairs = new StringJoiner(",");
    boolean ok = true;
    for (var it = labels.fields(); it.hasNext(); ) {
      var label = it.next();
      String value = label.getValue().asText();
      if (label.getKey().contains(",") || label.getKey().contains("=") || value.contains(",")) {
        diagnostics.error(path + ".labels." + label.getKey(), "not a Kubernetes label");
        ok = false;
      }
      pairs.add(label.getKey() + "=" + value);
    }
    JsonNode backoff = k8s.path("backoff");
    JsonNode duration = backoff.path("duration");
    if (duration.isTextual()) {
      try {
        GoDuration.parse(duration.asText());
      } catch (IllegalArgumentException e) {
        diagnostics.error(
            path + ".backoff.duration",
            "'" + duration.asText() + "' is not a Go duration (e.g. 1s)");
        ok = false;
      }
    }
    return !ok
        ? null
        : Ordered.map(
            "policyLabels", pairs.toString(),
            "policySteps", backoff.path("steps").isNumber() ? backoff.get("steps").asInt() : null,
            "policyDuration",
                duration.isNumber()
                    ? duration.asText()
                    : duration.isTextual() ? duration.asText() : null,
            "policyFactor",
                backoff.path("factor").isNumber() ? backoff.get("factor").asDouble() : null,
            "policyJitter",
                backoff.path("jitter").isNumber() ? backoff.get("jitter").asDouble() : null,
            "policyErrorOnTimeout",
                k8s.path("errorOnBackoffTimeout").asBoolean(false) ? true : null);
  }
}
