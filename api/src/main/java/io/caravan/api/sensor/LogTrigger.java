package io.caravan.api.sensor;

import io.caravan.api.ArgoObject;

/** Logs every event (at most once per {@code intervalSeconds}). */
public class LogTrigger extends ArgoObject {

  private Long intervalSeconds;

  public Long getIntervalSeconds() {
    return intervalSeconds;
  }

  public void setIntervalSeconds(Long intervalSeconds) {
    this.intervalSeconds = intervalSeconds;
  }
}
