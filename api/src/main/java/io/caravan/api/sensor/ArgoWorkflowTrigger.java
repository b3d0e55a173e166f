package io.caravan.api.sensor;

import io.caravan.api.ArgoObject;
import java.util.List;

/**
 * Submits or acts on an Argo Workflow: {@code operation} (submit, submit-from, resubmit, retry,
 * resume, suspend, terminate, stop), the object from {@code source}, its {@code parameters}, and
 * {@code args} (extra arguments Argo passes to the {@code argo} CLI).
 */
public class ArgoWorkflowTrigger extends ArgoObject {

  private ArtifactLocation source;
  private String operation;
  private List<TriggerParameter> parameters;
  private List<String> args;

  public ArtifactLocation getSource() {
    return source;
  }

  public void setSource(ArtifactLocation source) {
    this.source = source;
  }

  public String getOperation() {
    return operation;
  }

  public void setOperation(String operation) {
    this.operation = operation;
  }

  public List<TriggerParameter> getParameters() {
    return parameters;
  }

  public void setParameters(List<TriggerParameter> parameters) {
    this.parameters = parameters;
  }

  public List<String> getArgs() {
    return args;
  }

  public void setArgs(List<String> args) {
    this.args = args;
  }
}
