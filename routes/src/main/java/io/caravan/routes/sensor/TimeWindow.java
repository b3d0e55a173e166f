package io.caravan.routes.sensor;

import io.caravan.api.sensor.TimeFilter;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dependency's {@code filters.time} (inventory §4.2): passes when the event's CloudEvent {@code
 * time} (when the EventSource dispatched it, not when the sensor sees it) falls in {@code [start,
 * stop)} on that instant's date in {@code timezone} (default UTC). When stop is before start the
 * window wraps past midnight: {@code [00:00, stop) ∪ [start, 24:00)}. Times are read as Go's layout
 * {@code 15:04:05}: the hour may have one digit ({@code 9:00:00}), minutes and seconds need two.
 *
 * <p>As in Argo, malformed times and unknown zones are per-event errors (validation reports them
 * first).
 */
final class TimeWindow {
  private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2}):(\\d{2}):(\\d{2})");

  private final String start;
  private final String stop;
  private final String timezone;

  TimeWindow(TimeFilter filter) {
    this.start = filter.getStart() == null ? "" : filter.getStart();
    this.stop = filter.getStop() == null ? "" : filter.getStop();
    this.timezone = filter.getTimezone() == null ? "" : filter.getTimezone();
  }

  /** Go's {@code time.Parse("15:04:05", text)}: the time of day, or an error naming the text. */
  static LocalTime parseTimeOfDay(String text) {
    Matcher m = TIME_OF_DAY.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "parsing time \"" + text + "\" as \"15:04:05\": cannot parse");
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = Integer.parseInt(m.group(2));
    int second = Integer.parseInt(m.group(3));
    if (hour > 23 || minute > 59 || second > 59) {
      throw new IllegalArgumentException("parsing time \"" + text + "\": value out of range");
    }
    return LocalTime.of(hour, minute, second);
  }

  /** The zone named by a filter's {@code timezone}; empty means UTC. */
  static ZoneId zone(String timezone) {
    if (timezone == null || timezone.isEmpty()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(timezone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "invalid timezone '" + timezone + "': unknown time zone " + timezone);
    }
  }

  /** Argo {@code filterTime}. */
  FilterResult evaluate(String eventTime) {
    try {
      ZoneId zone = zone(timezone);
      ZonedDateTime at = parseEventTime(eventTime).atZone(zone);
      ZonedDateTime from = at.toLocalDate().atTime(parseTimeOfDay(start)).atZone(zone);
      ZonedDateTime to = at.toLocalDate().atTime(parseTimeOfDay(stop)).atZone(zone);
      boolean inside;
      if (to.isAfter(from)) {
        inside = !at.isBefore(from) && at.isBefore(to);
      } else {
        inside = at.isBefore(to) || !at.isBefore(from);
      }
      return inside ? FilterResult.PASS : FilterResult.FAIL;
    } catch (IllegalArgumentException e) {
      return FilterResult.error(e.getMessage());
    }
  }

  private static Instant parseEventTime(String time) {
    try {
      return OffsetDateTime.parse(time).toInstant();
    } catch (DateTimeException | NullPointerException e) {
      throw new IllegalArgumentException("event time '" + time + "' is not an RFC 3339 time");
    }
  }
}
