package io.caravan.api.eventsource.calendar;

import io.caravan.api.ArgoObject;

/**
 * {@code persistence.configMap} (Argo's {@code ConfigMapPersistence}): the ConfigMap that keeps the
 * last event under the key {@code <eventSourceName>.<eventName>}, created when missing if {@code
 * createIfNotExist} is true.
 */
public class ConfigMapPersistence extends ArgoObject {

  private String name;
  private Boolean createIfNotExist;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Boolean getCreateIfNotExist() {
    return createIfNotExist;
  }

  public void setCreateIfNotExist(Boolean createIfNotExist) {
    this.createIfNotExist = createIfNotExist;
  }
}
