package io.caravan.expr;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An Argo calendar {@code schedule}: a 5-field cron (minute hour day-of-month month day-of-week)
 * with the semantics of Argo's cron parser (robfig/cron without descriptors), converted to Quartz
 * cron expressions. The one cron parser of the compiler (which reports {@link #problem}) and the
 * runtime.
 *
 * <p>Day-of-week is 0–6 with 0 = Sunday; month and weekday names are accepted; {@code ?} is {@code
 * *}. When both day fields are restricted a day matches if either matches; Quartz cannot say that
 * in one expression, so {@link #quartzExpressions()} then gives two (day-of-month and day-of-week).
 * A leading {@code CRON_TZ=<zone>} or {@code TZ=<zone>} sets {@link #zone()}.
 */
public final class CronSchedule {
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));
  private static final Map<String, Integer> DAYS =
      Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6);

  private record Field(String name, int min, int max, Map<String, Integer> names) {}

  private static final Field MINUTE = new Field("minute", 0, 59, Map.of());
  private static final Field HOUR = new Field("hour", 0, 23, Map.of());
  private static final Field DOM = new Field("day-of-month", 1, 31, Map.of());
  private static final Field MONTH = new Field("month", 1, 12, MONTHS);
  private static final Field DOW = new Field("day-of-week", 0, 6, DAYS);

  /**
   * Allowed values of a field, and whether it was written as {@code *} / {@code ?} (unrestricted).
   */
  private record Values(BitSet bits, boolean star) {}

  private final String text;
  private final ZoneId zone;
  private final Values minutes;
  private final Values hours;
  private final Values daysOfMonth;
  private final Values months;
  private final Values daysOfWeek;

  private CronSchedule(String text, ZoneId zone, Values[] fields) {
    this.text = text;
    this.zone = zone;
    this.minutes = fields[0];
    this.hours = fields[1];
    this.daysOfMonth = fields[2];
    this.months = fields[3];
    this.daysOfWeek = fields[4];
  }

  /** Parses a schedule; errors name the schedule and the offending field. */
  public static CronSchedule parse(String schedule) {
    String spec = schedule == null ? "" : schedule.trim();
    ZoneId zone = null;
    if (spec.startsWith("CRON_TZ=") || spec.startsWith("TZ=")) {
      int space = spec.indexOf(' ');
      if (space < 0) {
        throw error(schedule, "a time zone prefix must be followed by the 5 fields");
      }
      String name = spec.substring(spec.indexOf('=') + 1, space);
      zone = zone(name);
      if (zone == null) {
        throw error(schedule, "unknown time zone '" + name + "'");
      }
      spec = spec.substring(space + 1).trim();
    }
    if (spec.startsWith("@")) {
      throw error(schedule, "descriptors such as @hourly are not accepted; write the 5 fields");
    }
    String[] parts = spec.isEmpty() ? new String[0] : spec.split("\\s+");
    if (parts.length != 5) {
      throw error(
          schedule,
          "expected 5 fields (minute hour day-of-month month day-of-week), got " + parts.length);
    }
    Field[] fields = {MINUTE, HOUR, DOM, MONTH, DOW};
    Values[] values = new Values[5];
    for (int i = 0; i < 5; i++) {
      values[i] = parseField(schedule, fields[i], parts[i]);
    }
    return new CronSchedule(schedule, zone, values);
  }

  private static Values parseField(String schedule, Field field, String text) {
    BitSet bits = new BitSet();
    boolean star = false;
    for (String part : text.split(",", -1)) {
      star |= parseRange(schedule, field, part, bits);
    }
    return new Values(bits, star);
  }

  /**
   * Adds one {@code range[/step]} to bits; returns true when it is an unstepped {@code *} or {@code
   * ?}.
   */
  private static boolean parseRange(String schedule, Field field, String part, BitSet bits) {
    String[] rangeAndStep = part.split("/", -1);
    if (part.isEmpty() || rangeAndStep.length > 2) {
      throw error(schedule, field.name() + " has an invalid element '" + part + "'");
    }
    String[] lowHigh = rangeAndStep[0].split("-", -1);
    if (lowHigh.length > 2) {
      throw error(schedule, field.name() + " has an invalid range '" + part + "'");
    }
    int start;
    int end;
    boolean star = false;
    if (lowHigh[0].equals("*") || lowHigh[0].equals("?")) {
      if (lowHigh.length > 1) {
        throw error(schedule, field.name() + " has an invalid range '" + part + "'");
      }
      start = field.min();
      end = field.name().equals("day-of-week") ? 6 : field.max();
      star = true;
    } else {
      start = value(schedule, field, lowHigh[0]);
      end = lowHigh.length == 2 ? value(schedule, field, lowHigh[1]) : start;
    }
    int step = 1;
    if (rangeAndStep.length == 2) {
      try {
        step = Integer.parseInt(rangeAndStep[1]);
      } catch (NumberFormatException e) {
        throw error(schedule, field.name() + " has an invalid step in '" + part + "'");
      }
      if (step <= 0) {
        throw error(schedule, field.name() + " step must be positive in '" + part + "'");
      }
      if (lowHigh.length == 1 && !star) {
        end = field.name().equals("day-of-week") ? 6 : field.max(); // "N/step" means "N-max/step"
      }
      if (step > 1) {
        star = false;
      }
    }
    if (start > end) {
      throw error(schedule, field.name() + " range '" + part + "' starts after it ends");
    }
    for (int v = start; v <= end; v += step) {
      bits.set(v);
    }
    return star;
  }

  private static int value(String schedule, Field field, String text) {
    Integer named = field.names().get(text.toLowerCase(Locale.ROOT));
    if (named != null) {
      return named;
    }
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw error(schedule, field.name() + " value '" + text + "' is not a number or name");
    }
    if (value < field.min() || value > field.max()) {
      throw error(
          schedule,
          field.name() + " value " + value + " is out of range " + field.min() + "-" + field.max());
    }
    return value;
  }

  /** Null when {@code schedule} parses, else why not (without the schedule itself). */
  public static String problem(String schedule) {
    try {
      parse(schedule);
      return null;
    } catch (ScheduleException e) {
      return e.reason;
    }
  }

  /**
   * A tz database name as Go's {@code time.LoadLocation} takes it ({@code UTC}, {@code Local}), or
   * null.
   */
  private static ZoneId zone(String name) {
    if (name.equals("UTC")) {
      return ZoneId.of("UTC");
    }
    if (name.equals("Local")) {
      return ZoneId.systemDefault();
    }
    return ZoneId.getAvailableZoneIds().contains(name) ? ZoneId.of(name) : null;
  }

  private static ScheduleException error(String schedule, String message) {
    return new ScheduleException(schedule, message);
  }

  /**
   * A schedule that does not parse: the message names the schedule, {@link #reason} only the
   * problem.
   */
  private static final class ScheduleException extends IllegalArgumentException {
    private final String reason;

    ScheduleException(String schedule, String reason) {
      super("calendar schedule '" + schedule + "': " + reason);
      this.reason = reason;
    }
  }

  /** The schedule as written. */
  public String text() {
    return text;
  }

  /** The zone from a {@code CRON_TZ=} / {@code TZ=} prefix, or null. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Quartz cron expressions (seconds first) whose union fires exactly when this schedule does: one
   * expression, or two when both day-of-month and day-of-week are restricted.
   */
  public List<String> quartzExpressions() {
    String head = "0 " + list(minutes, 0) + " " + list(hours, 0) + " ";
    String month = " " + list(months, 0) + " ";
    List<String> out = new ArrayList<>();
    if (daysOfMonth.star() && daysOfWeek.star()) {
      out.add(head + "*" + month + "?");
    } else if (daysOfMonth.star()) {
      out.add(head + "?" + month + list(daysOfWeek, 1));
    } else if (daysOfWeek.star()) {
      out.add(head + list(daysOfMonth, 0) + month + "?");
    } else {
      out.add(head + list(daysOfMonth, 0) + month + "?");
      out.add(head + "?" + month + list(daysOfWeek, 1));
    }
    return out;
  }

  /**
   * The field's values as a Quartz list; {@code *} when unrestricted; {@code shift} maps day
   * numbers.
   */
  private static String list(Values values, int shift) {
    if (values.star()) {
      return "*";
    }
    StringBuilder out = new StringBuilder();
    for (int v = values.bits().nextSetBit(0); v >= 0; v = values.bits().nextSetBit(v + 1)) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(v + shift);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
