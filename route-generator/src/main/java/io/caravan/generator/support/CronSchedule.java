package io.caravan.generator.support;

import java.util.List;
import java.util.Locale;

/**
 * Checks 5-field cron schedules (minute hour day-of-month month day-of-week) the way Argo's
 * calendar parser accepts them: lists, ranges, steps, {@code *}, {@code ?}, month and weekday
 * names, an optional {@code CRON_TZ=}/{@code TZ=} prefix; no {@code @hourly}-style descriptors.
 */
public final class CronSchedule {

  private record Field(String name, int min, int max, List<String> names) {}

  private static final List<Field> FIELDS =
      List.of(
          new Field("minute", 0, 59, List.of()),
          new Field("hour", 0, 23, List.of()),
          new Field("day of month", 1, 31, List.of()),
          new Field(
              "month", 1, 12,
              List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
          new Field("day of week", 0, 6, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")));

  private CronSchedule() {}

  /** Null when valid, else why not. */
  public static String problem(String schedule) {
    if (schedule == null || schedule.isBlank()) {
      return "schedule is empty";
    }
    String s = schedule.trim();
    if (s.startsWith("CRON_TZ=") || s.startsWith("TZ=")) {
      int space = s.indexOf(' ');
      if (space < 0) {
        return "schedule has a time zone but no fields";
      }
      String zone = s.substring(s.indexOf('=') + 1, space);
      if (!TimeZones.isValid(zone)) {
        return "unknown time zone '" + zone + "'";
      }
      s = s.substring(space + 1).trim();
    }
    if (s.startsWith("@")) {
      return "descriptors such as '" + s + "' are not accepted; use 5 fields";
    }
    String[] parts = s.split("\\s+");
    if (parts.length != 5) {
      return "expected 5 fields (minute hour day-of-month month day-of-week), found " + parts.length;
    }
    for (int i = 0; i < 5; i++) {
      String problem = fieldProblem(parts[i], FIELDS.get(i));
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String fieldProblem(String text, Field field) {
    for (String item : text.split(",", -1)) {
      String range = item;
      if (item.contains("/")) {
        String[] stepParts = item.split("/", -1);
        if (stepParts.length != 2 || !isNumber(stepParts[1]) || Integer.parseInt(stepParts[1]) < 1) {
          return "invalid step in " + field.name() + " '" + item + "'";
        }
        range = stepParts[0];
      }
      if (range.equals("*") || (range.equals("?") && field.name().startsWith("day"))) {
        continue;
      }
      String[] bounds = range.split("-", -1);
      if (bounds.length > 2) {
        return "invalid range in " + field.name() + " '" + item + "'";
      }
      int low = value(bounds[0], field);
      int high = bounds.length == 2 ? value(bounds[1], field) : low;
      if (low < 0 || high < 0) {
        return "invalid " + field.name() + " '" + item + "' (allowed " + field.min() + "-" + field.max() + ")";
      }
      if (low > high) {
        return "range start is after its end in " + field.name() + " '" + item + "'";
      }
    }
    return null;
  }

  private static int value(String text, Field field) {
    int named = field.names().indexOf(text.toUpperCase(Locale.ROOT));
    if (named >= 0) {
      return named + field.min();
    }
    if (!isNumber(text)) {
      return -1;
    }
    int value = Integer.parseInt(text);
    return value < field.min() || value > field.max() ? -1 : value;
  }

  private static boolean isNumber(String text) {
    return !text.isEmpty() && text.length() < 10 && text.chars().allMatch(Character::isDigit);
  }
}
