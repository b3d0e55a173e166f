package io.caravan.routes.source.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats a time like Go's {@code time.Time.String()} without the monotonic clock suffix: {@code
 * 2006-01-02 15:04:05.999999999 -0700 MST} (trailing zeros of the fraction dropped, no fraction
 * when it is zero; zones without an abbreviation print as {@code +03} / {@code +0530}, as tzdata
 * does).
 */
public final class GoTimeFormat {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xx");

  /**
   * Go's {@code time.String()}: date, time, optional fraction, offset, zone abbreviation, optional
   * {@code m=…}.
   */
  private static final Pattern GO_TIME =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2})(\\.\\d{1,9})? ([+-]\\d{4})( \\S+)?( m=[+-][0-9.]+)?");

  private GoTimeFormat() {}

  /**
   * The instant of a time written by Go's {@code time.String()} (as Argo persists a calendar
   * event's {@code eventTime}): the monotonic {@code m=…} suffix is ignored, the numeric offset
   * decides.
   *
   * @throws IllegalArgumentException when the text is not in that form
   */
  public static Instant parse(String text) {
    Matcher m = text == null ? null : GO_TIME.matcher(text.trim());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "not a Go time such as '2006-01-02 15:04:05.999 -0700 MST': '" + text + "'");
    }
    LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2));
    if (m.group(3) != null) {
      String fraction = (m.group(3).substring(1) + "000000000").substring(0, 9);
      local = local.withNano(Integer.parseInt(fraction));
    }
    return local.toInstant(ZoneOffset.of(m.group(4)));
  }

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
    if (name.startsWith("GMT+")
        || name.startsWith("GMT-")
        || name.startsWith("UTC+")
        || name.startsWith("UTC-")
        || name.startsWith("+")
        || name.startsWith("-")) {
      String offset = OFFSET.format(time); // +0530
      return offset.endsWith("00") ? offset.substring(0, 3) : offset;
    }
    return name;
  }
}
