package io.caravan.api.sensor;

import io.caravan.api.ArgoObject;

/** At most {@code requestsPerUnit} executions per {@code unit} (Second, Minute, Hour). */
public class RateLimit extends ArgoObject {

  private String unit;
  private Integer requestsPerUnit;

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public Integer getRequestsPerUnit() {
    return requestsPerUnit;
  }

  public void setRequestsPerUnit(Integer requestsPerUnit) {
    this.requestsPerUnit = requestsPerUnit;
  }
}
