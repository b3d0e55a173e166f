package io.caravan.api.common;

import io.caravan.api.ArgoObject;

/** Reference to one key of a Kubernetes Secret ({@code name}/{@code key}). */
public class SecretKeySelector extends ArgoObject {

  private String name;
  private String key;
  private Boolean optional;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public Boolean getOptional() {
    return optional;
  }

  public void setOptional(Boolean optional) {
    this.optional = optional;
  }
}
