package io.caravan.routes.trigger.argoworkflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.api.sensor.ArgoWorkflowTrigger;
import io.caravan.routes.trigger.TriggerMessageBuilder;
import io.caravan.routes.trigger.TriggerMessageInput;
import org.apache.camel.Message;

/**
 * The Workflow of an argoWorkflow trigger, as Argo builds it: read from the {@code source}, the
 * trigger's {@code parameters} applied, then its {@code args} ({@link ArgoSubmitArguments}), with
 * the {@code events.argoproj.io/*} labels. The body is the object as a Map.
 */
public final class ArgoWorkflowTriggerMessage implements TriggerMessageBuilder {
  private static final String ARGO_WORKFLOW = "trigger.template.argoWorkflow";

  @Override
  public String triggerType() {
    return "argoWorkflow";
  }

  @Override
  public void write(TriggerMessageInput input, Message message) {
    ArgoWorkflowTrigger workflow =
        input.required(input.template().getArgoWorkflow(), "argoWorkflow");
    ObjectNode object = input.artifacts().read(workflow.getSource(), ARGO_WORKFLOW + ".source");
    object = input.withParameters(object, workflow.getParameters(), ARGO_WORKFLOW);
    if (workflow.getArgs() != null && !workflow.getArgs().isEmpty()) {
      ArgoSubmitArguments.apply(object, workflow.getArgs(), ARGO_WORKFLOW + ".args");
    }
    input.addLabels(object);
    input.writeResource(object, message);
  }
}
