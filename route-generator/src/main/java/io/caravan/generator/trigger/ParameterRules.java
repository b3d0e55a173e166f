package io.caravan.generator.trigger;

import static io.caravan.generator.support.Fields.blank;
import static io.caravan.generator.support.Fields.required;

import io.caravan.api.sensor.TriggerParameter;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.support.ExpressionSyntax;
import java.util.List;
import java.util.Set;

/**
 * Argo's rules for trigger parameters (inventory §4.6), shared by the trigger and every type's own
 * parameters.
 */
public final class ParameterRules {

  static final Set<String> PARAMETER_OPERATIONS = Set.of("overwrite", "append", "prepend");

  private ParameterRules() {}

  /** The parameters at {@code path}; {@code destRequired} is false for payload fields (no dest). */
  public static void check(
      String path, List<TriggerParameter> parameters, boolean destRequired, List<Diagnostic> out) {
    if (parameters == null) {
      return;
    }
    for (int i = 0; i < parameters.size(); i++) {
      String p = path + "[" + i + "]";
      TriggerParameter parameter = parameters.get(i);
      if (parameter == null || parameter.getSrc() == null) {
        out.add(Diagnostic.error(p + ".src", "parameter source (src) is required"));
      } else {
        required(
            out,
            p + ".src.dependencyName",
            parameter.getSrc().getDependencyName(),
            "src.dependencyName");
        ExpressionSyntax.parameterSource(p + ".src", parameter.getSrc(), out);
      }
      if (parameter == null) {
        continue;
      }
      if (destRequired) {
        required(out, p + ".dest", parameter.getDest(), "dest");
      }
      String operation = parameter.getOperation();
      if (!blank(operation) && !PARAMETER_OPERATIONS.contains(operation)) {
        out.add(
            Diagnostic.error(
                p + ".operation",
                "operation '" + operation + "' must be overwrite, append or prepend"));
      }
    }
  }
}
