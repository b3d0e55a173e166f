package io.caravan.routes.source.calendar;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;

/** {@code caravan run}'s line for a calendar: its schedule or interval, and its time zone. */
public final class CalendarSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "calendar-source";
  }

  @Override
  public String heading() {
    return "Calendars";
  }

  @Override
  public String describe(Map<String, Object> parameters) {
    Object schedule = parameters.get("schedule");
    String when =
        schedule != null ? "schedule '" + schedule + "'" : "every " + parameters.get("interval");
    Object zone = parameters.get("timezone");
    return zone == null ? when : when + " (" + zone + ")";
  }
}
