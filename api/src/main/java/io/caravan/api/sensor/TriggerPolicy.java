package io.caravan.api.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ArgoObject;

/** What counts as success after a trigger ran. */
public class TriggerPolicy extends ArgoObject {

  private JsonNode k8s;
  private StatusPolicy status;

  public JsonNode getK8s() {
    return k8s;
  }

  public void setK8s(JsonNode k8s) {
    this.k8s = k8s;
  }

  public StatusPolicy getStatus() {
    return status;
  }

  public void setStatus(StatusPolicy status) {
    this.status = status;
  }
}
