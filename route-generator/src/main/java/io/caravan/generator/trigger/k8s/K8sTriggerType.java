package io.caravan.generator.trigger.k8s;

import io.caravan.api.sensor.StandardK8sTrigger;
import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.trigger.K8sPolicyParameters;
import io.caravan.generator.trigger.TriggerInput;
import io.caravan.generator.trigger.TriggerSources;
import io.caravan.generator.trigger.TriggerType;
import io.caravan.generator.yaml.Ordered;
import io.caravan.generator.yaml.UriParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code template.k8s} → {@code kamelet:kubernetes-resource-sink} with the {@code operation}
 * (create, update, patch, delete), the Sensor's namespace, the {@code patchStrategy} of a patch and
 * the {@code policy.k8s} parameters. The source, {@code liveObject} and parameters go to the
 * runtime's TriggerTemplate bean through the trigger YAML; the runtime reads the source when the
 * trigger fires.
 */
public final class K8sTriggerType implements TriggerType {

  static final String CREATE = "create";
  static final List<String> OPERATIONS = List.of("create", "update", "patch", "delete");
  static final List<String> PATCH_STRATEGIES =
      List.of(
          "application/merge-patch+json", "application/json-patch+json",
          "application/strategic-merge-patch+json", "application/apply-patch+yaml");

  @Override
  public String key() {
    return "k8s";
  }

  @Override
  public void check(String path, TriggerTemplate template, List<Diagnostic> out) {
    K8sTriggerRules.check(path + ".k8s", template.getK8s(), out);
    TriggerSources.unsupported(path + ".k8s.source", template.getK8s().getSource(), out);
  }

  @Override
  public Map<String, Object> sink(TriggerInput input, Diagnostics diagnostics) {
    StandardK8sTrigger k8s = input.trigger().getTemplate().getK8s();
    String operation =
        k8s.getOperation() == null || k8s.getOperation().isEmpty() ? CREATE : k8s.getOperation();
    boolean ok = true;
    if (!OPERATIONS.contains(operation)) {
      diagnostics.error(
          input.typePath("k8s", "operation"),
          "unknown operation '" + operation + "': expected create, update, patch or delete");
      ok = false;
    }
    String patchStrategy =
        k8s.getPatchStrategy() == null || k8s.getPatchStrategy().isEmpty()
            ? null
            : k8s.getPatchStrategy();
    if (patchStrategy != null && !PATCH_STRATEGIES.contains(patchStrategy)) {
      diagnostics.error(
          input.typePath("k8s", "patchStrategy"),
          "patchStrategy '"
              + patchStrategy
              + "' must be one of "
              + String.join(", ", PATCH_STRATEGIES));
      ok = false;
    } else if (patchStrategy != null && !operation.equals("patch")) {
      diagnostics.warning(
          input.typePath("k8s", "patchStrategy"), "ignored: only used by operation patch");
      patchStrategy = null;
    }
    if (Boolean.TRUE.equals(k8s.getLiveObject()) && !operation.equals("update")) {
      diagnostics.warning(
          input.typePath("k8s", "liveObject"), "ignored: only used by operation update");
    }
    ok &= TriggerSources.check(k8s.getSource(), input.typePath("k8s", "source"), diagnostics);
    Map<String, Object> policy = K8sPolicyParameters.of(input, diagnostics);
    if (!ok || policy == null) {
      return null;
    }
    Map<String, Object> parameters =
        new LinkedHashMap<>(
            Ordered.map(
                "operation", operation,
                "namespace", input.namespace(),
                "patchStrategy", patchStrategy));
    parameters.putAll(policy);
    return Ordered.map(
        "uri", "kamelet:kubernetes-resource-sink", "parameters", UriParameters.of(parameters));
  }
}
