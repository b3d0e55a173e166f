package io.caravan.generator;

import java.util.List;

/**
 * Findings for the Kubernetes settings of an EventSource or Sensor ({@code template}, {@code
 * service}, {@code replicas}…): they are not part of the routes; the operator applies them to the
 * workload it creates.
 */
public final class DeploymentSettings {

  private DeploymentSettings() {}

  /** A warning that {@code value} at {@code path} is applied by the operator, not by the routes. */
  public static void applied(List<Diagnostic> out, String path, Object value, String what) {
    if (value != null) {
      out.add(
          Diagnostic.warning(
              path,
              "not in the generated routes: "
                  + what
                  + " is applied by the Caravan operator to the Deployment it creates (caravan run ignores it)"));
    }
  }

  /** A warning that {@code value} at {@code path} has no effect. */
  public static void ignored(List<Diagnostic> out, String path, Object value, String what) {
    if (value != null) {
      out.add(Diagnostic.warning(path, "ignored: " + what));
    }
  }
}
