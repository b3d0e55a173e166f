package io.caravan.api.eventsource.calendar;

import io.caravan.api.ArgoObject;
import io.caravan.api.eventsource.EventSourceFilter;
import java.util.List;
import java.util.Map;

/** One {@code spec.calendar.<eventName>} entry: a cron schedule or fixed interval timer. */
public class CalendarEventSource extends ArgoObject {

  private String schedule;
  private String interval;
  private List<String> exclusionDates;
  private String timezone;
  private Map<String, String> metadata;
  private EventPersistence persistence;
  private EventSourceFilter filter;

  public String getSchedule() {
    return schedule;
  }

  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }

  public List<String> getExclusionDates() {
    return exclusionDates;
  }

  public void setExclusionDates(List<String> exclusionDates) {
    this.exclusionDates = exclusionDates;
  }

  public String getTimezone() {
    return timezone;
  }

  public void setTimezone(String timezone) {
    this.timezone = timezone;
  }

  public Map<String, String> getMetadata() {
    return metadata;
  }

  public void setMetadata(Map<String, String> metadata) {
    this.metadata = metadata;
  }

  public EventPersistence getPersistence() {
    return persistence;
  }

  public void setPersistence(EventPersistence persistence) {
    this.persistence = persistence;
  }

  public EventSourceFilter getFilter() {
    return filter;
  }

  public void setFilter(EventSourceFilter filter) {
    this.filter = filter;
  }
}
