package io.caravan.api.sensor;

import io.caravan.api.ArgoObject;

/** HTTP header whose value comes from a Secret or ConfigMap. */
public class SecureHeader extends ArgoObject {

  private String name;
  private SecureHeaderSource valueFrom;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public SecureHeaderSource getValueFrom() {
    return valueFrom;
  }

  public void setValueFrom(SecureHeaderSource valueFrom) {
    this.valueFrom = valueFrom;
  }
}
