package io.caravan.generator.trigger;

import io.caravan.api.sensor.ArtifactLocation;
import io.caravan.api.sensor.StandardK8sTrigger;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.yaml.Ordered;
import java.util.Map;

/**
 * {@code template.k8s} with {@code operation: create} (the default) and an inline
 * {@code source.resource} → {@code kamelet:kubernetes-resource-sink}. The resource and its
 * parameters go to the runtime's TriggerTemplate bean through the trigger YAML.
 */
public final class K8sTriggerTranslator implements TriggerTranslator {

  static final String CREATE = "create";

  @Override
  public String type() {
    return "k8s";
  }

  @Override
  public Map<String, Object> sink(TriggerInput input, Diagnostics diagnostics) {
    StandardK8sTrigger k8s = input.trigger().getTemplate().getK8s();
    String operation = k8s.getOperation() == null || k8s.getOperation().isEmpty()
        ? CREATE : k8s.getOperation();
    if (!CREATE.equals(operation)) {
      diagnostics.unsupported(input.typePath("k8s", "operation"),
          "k8s trigger operation '" + operation + "' (only create)");
      return null;
    }
    if (!hasSupportedSource(k8s.getSource(), input, diagnostics)) {
      return null;
    }
    return Ordered.map(
        "uri", "kamelet:kubernetes-resource-sink",
        "parameters", Ordered.map(
            "operation", operation,
            "namespace", input.namespace()));
  }

  private static boolean hasSupportedSource(ArtifactLocation source, TriggerInput input,
      Diagnostics diagnostics) {
    String path = input.typePath("k8s", "source");
    if (source == null) {
      diagnostics.error(path, "source is required");
      return false;
    }
    reportUnsupported(source.getInline(), path + ".inline", diagnostics);
    reportUnsupported(source.getConfigmap(), path + ".configmap", diagnostics);
    reportUnsupported(source.getFile(), path + ".file", diagnostics);
    reportUnsupported(source.getUrl(), path + ".url", diagnostics);
    reportUnsupported(source.getGit(), path + ".git", diagnostics);
    reportUnsupported(source.getS3(), path + ".s3", diagnostics);
    if (source.getResource() == null || !source.getResource().isObject()) {
      if (source.getResource() != null) {
        diagnostics.error(path + ".resource", "resource must be a Kubernetes object (a mapping)");
      } else if (noOtherSource(source)) {
        diagnostics.error(path, "source needs a resource");
      }
      return false;
    }
    return true;
  }

  private static boolean noOtherSource(ArtifactLocation source) {
    return source.getInline() == null && source.getConfigmap() == null && source.getFile() == null
        && source.getUrl() == null && source.getGit() == null && source.getS3() == null;
  }

  private static void reportUnsupported(Object value, String path, Diagnostics diagnostics) {
    String kind = path.substring(path.lastIndexOf('.') + 1);
    diagnostics.unsupportedIfSet(value, path,
        "k8s trigger source '" + kind + "' (only an inline resource)");
  }
}
