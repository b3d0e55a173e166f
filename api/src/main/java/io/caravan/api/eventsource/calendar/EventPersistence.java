package io.caravan.api.eventsource.calendar;

import io.caravan.api.ArgoObject;

/**
 * {@code spec.calendar.<eventName>.persistence} (Argo's {@code EventPersistence}): where the last
 * event is kept ({@code configMap}) and whether missed events are fired on start ({@code catchup}).
 */
public class EventPersistence extends ArgoObject {

  private CatchupConfiguration catchup;
  private ConfigMapPersistence configMap;

  public CatchupConfiguration getCatchup() {
    return catchup;
  }

  public void setCatchup(CatchupConfiguration catchup) {
    this.catchup = catchup;
  }

  public ConfigMapPersistence getConfigMap() {
    return configMap;
  }

  public void setConfigMap(ConfigMapPersistence configMap) {
    this.configMap = configMap;
  }
}
