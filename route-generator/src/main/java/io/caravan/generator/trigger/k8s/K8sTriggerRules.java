package io.caravan.generator.trigger.k8s;

import static io.caravan.generator.support.Fields.blank;

import io.caravan.api.sensor.ArtifactLocation;
import io.caravan.api.sensor.StandardK8sTrigger;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.trigger.ParameterRules;
import java.util.List;
import java.util.Set;

/** Argo's rules for a k8s trigger (inventory §4.5). */
final class K8sTriggerRules {

  static final Set<String> OPERATIONS = Set.of("create", "update", "patch", "delete");

  private K8sTriggerRules() {}

  static void check(String path, StandardK8sTrigger k8s, List<Diagnostic> out) {
    ArtifactLocation source = k8s.getSource();
    if (source == null) {
      out.add(Diagnostic.error(path + ".source", "source is required"));
    } else if (source.getResource() == null
        && source.getInline() == null
        && source.getConfigmap() == null
        && source.getFile() == null
        && source.getUrl() == null
        && source.getGit() == null
        && source.getS3() == null) {
      out.add(
          Diagnostic.error(
              path + ".source",
              "source needs one of resource, inline, configmap, file, url, git, s3"));
    }
    if (blank(k8s.getOperation())) {
      out.add(
          Diagnostic.error(
              path + ".operation", "operation is required (create, update, patch or delete)"));
    } else if (!OPERATIONS.contains(k8s.getOperation())) {
      out.add(
          Diagnostic.error(
              path + ".operation",
              "unknown operation '"
                  + k8s.getOperation()
                  + "': expected create, update, patch or delete"));
    }
    ParameterRules.check(path + ".parameters", k8s.getParameters(), true, out);
  }
}
