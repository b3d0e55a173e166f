package io.caravan.routes.source.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.TreeSet;

/**
 * Argo calendar {@code exclusionDates}: {@code EXDATE:YYYYMMDDTHHMMSSZ[,…]} strings (also {@code
 * EXDATE;TZID=<zone>:…} and bare dates). Only the calendar date is kept: a firing on that date, in
 * the schedule's zone, is skipped.
 */
public final class ExclusionDates {
  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  private ExclusionDates() {}

  /**
   * Parses a comma-separated list as the route option carries it (several EXDATE strings joined).
   */
  public static Set<LocalDate> parse(String text) {
    Set<LocalDate> dates = new TreeSet<>();
    if (text == null || text.isBlank()) {
      return dates;
    }
    for (String raw : text.split(",")) {
      String item = raw.trim();
      if (item.isEmpty()) {
        continue;
      }
      if (item.regionMatches(true, 0, "EXDATE", 0, 6)) {
        int colon = item.indexOf(':');
        if (colon < 0) {
          throw invalid(raw);
        }
        item = item.substring(colon + 1).trim();
      }
      if (item.length() < 8 || !(item.length() == 8 || item.charAt(8) == 'T')) {
        throw invalid(raw);
      }
      try {
        dates.add(LocalDate.parse(item.substring(0, 8), BASIC));
      } catch (DateTimeException e) {
        throw invalid(raw);
      }
    }
    return dates;
  }

  private static IllegalArgumentException invalid(String item) {
    return new IllegalArgumentException(
        "calendar exclusionDates: '"
            + item.trim()
            + "' is not an EXDATE date such as EXDATE:20210101T000000Z");
  }
}
