package io.caravan.api.eventsource.calendar;

import io.caravan.api.ArgoObject;

/**
 * {@code persistence.catchup} (Argo's {@code CatchupConfiguration}): on start, fire the schedules
 * missed since the last persisted event, at most {@code maxDuration} (a Go duration) back from now.
 */
public class CatchupConfiguration extends ArgoObject {

  private Boolean enabled;
  private String maxDuration;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public String getMaxDuration() {
    return maxDuration;
  }

  public void setMaxDuration(String maxDuration) {
    this.maxDuration = maxDuration;
  }
}
