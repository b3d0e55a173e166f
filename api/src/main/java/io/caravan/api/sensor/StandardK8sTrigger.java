package io.caravan.api.sensor;

import io.caravan.api.ArgoObject;
import java.util.List;

/** Creates, updates, patches or deletes a Kubernetes object. */
public class StandardK8sTrigger extends ArgoObject {

  private ArtifactLocation source;
  private String operation;
  private List<TriggerParameter> parameters;
  private String patchStrategy;
  private Boolean liveObject;

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

  public String getPatchStrategy() {
    return patchStrategy;
  }

  public void setPatchStrategy(String patchStrategy) {
    this.patchStrategy = patchStrategy;
  }

  public Boolean getLiveObject() {
    return liveObject;
  }

  public void setLiveObject(Boolean liveObject) {
    this.liveObject = liveObject;
  }
}
