package io.caravan.generator.trigger.argoworkflow;

import static io.caravan.generator.support.Fields.blank;

import io.caravan.api.sensor.ArgoWorkflowTrigger;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.trigger.ParameterRules;
import java.util.List;

/** Argo's rules for an argoWorkflow trigger (inventory §4.5). */
final class ArgoWorkflowTriggerRules {

  static final List<String> OPERATIONS =
      List.of(
          "submit", "submit-from", "resubmit", "retry", "resume", "suspend", "terminate", "stop");

  private ArgoWorkflowTriggerRules() {}

  static void check(String path, ArgoWorkflowTrigger workflow, List<Diagnostic> out) {
    if (workflow.getSource() == null) {
      out.add(Diagnostic.error(path + ".source", "source is required"));
    }
    if (blank(workflow.getOperation())) {
      out.add(
          Diagnostic.error(
              path + ".operation",
              "operation is required (" + String.join(", ", OPERATIONS) + ")"));
    } else if (!OPERATIONS.contains(workflow.getOperation())) {
      out.add(
          Diagnostic.error(
              path + ".operation",
              "unknown operation '"
                  + workflow.getOperation()
                  + "': expected one of "
                  + String.join(", ", OPERATIONS)));
    }
    ParameterRules.check(path + ".parameters", workflow.getParameters(), true, out);
  }
}
