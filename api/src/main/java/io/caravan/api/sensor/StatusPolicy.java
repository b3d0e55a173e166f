package io.caravan.api.sensor;

import io.caravan.api.ArgoObject;
import java.util.List;

/** HTTP status codes that count as success. */
public class StatusPolicy extends ArgoObject {

  private List<Integer> allow;

  public List<Integer> getAllow() {
    return allow;
  }

  public void setAllow(List<Integer> allow) {
    this.allow = allow;
  }
}
