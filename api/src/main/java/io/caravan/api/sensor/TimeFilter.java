package io.caravan.api.sensor;

import io.caravan.api.ArgoObject;

/** Time-of-day window filter ({@code HH:MM:SS} start inclusive, stop exclusive). */
public class TimeFilter extends ArgoObject {

  private String start;
  private String stop;
  private String timezone;

  public String getStart() {
    return start;
  }

  public void setStart(String start) {
    this.start = start;
  }

  public String getStop() {
    return stop;
  }

  public void setStop(String stop) {
    this.stop = stop;
  }

  public String getTimezone() {
    return timezone;
  }

  public void setTimezone(String timezone) {
    this.timezone = timezone;
  }
}
