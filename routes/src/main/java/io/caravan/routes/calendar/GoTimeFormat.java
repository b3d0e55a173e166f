package io.caravan.routes.calendar;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats a time like Go's {@code time.Time.String()} without the monotonic clock suffix:
 * {@code 2006-01-02 15:04:05.999999999 -0700 MST} (trailing zeros of the fraction dropped, no fraction
 * when it is zero; zones without an abbreviation print as {@code +03} / {@code +0530}, as tzdata does).
 */
public final class GoTimeFormat {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xx");

  private GoTimeFormat() {}

  public static String format(ZonedDateTime time) {
    StringBuilder out = new StringBuilder(DATE_TIME.format(time));
    int nanos = time.getNano();
    if (nanos != 0) {
      String fraction = String.format("%09d", nanos).replaceAll("0+$", "");
      out.append('.').append(fraction);
    }
    out.append(' ').append(OFFSET.format(time)).append(' ').append(abbreviation(time));
    return out.toString();
  }

  private static String abbreviation(ZonedDateTime time) {
    String id = time.getZone().getId();
    if (id.equals("Z") || id.equals("UTC") || id.equals("Etc/UTC")) {
      return "UTC";
    }
    String name = DateTimeFormatter.ofPattern("zzz", Locale.ROOT).format(time);
    if (name.startsWith("GMT+") || name.startsWith("GMT-") || name.startsWith("UTC+")
        || name.startsWith("UTC-") || name.startsWith("+") || name.startsWith("-")) {
      String offset = OFFSET.format(time); // +0530
      return offset.endsWith("00") ? offset.substring(0, 3) : offset;
    }
    return name;
  }
}
