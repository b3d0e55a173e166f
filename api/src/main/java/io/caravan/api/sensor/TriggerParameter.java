package io.caravan.api.sensor;

import io.caravan.api.ArgoObject;

/** Copies a value from an event ({@code src}) into a path of the trigger ({@code dest}). */
public class TriggerParameter extends ArgoObject {

  private TriggerParameterSource src;
  private String dest;
  private String operation;

  public TriggerParameterSource getSrc() {
    return src;
  }

  public void setSrc(TriggerParameterSource src) {
    this.src = src;
  }

  public String getDest() {
    return dest;
  }

  public void setDest(String dest) {
    this.dest = dest;
  }

  public String getOperation() {
    return operation;
  }

  public void setOperation(String operation) {
    this.operation = operation;
  }
}
