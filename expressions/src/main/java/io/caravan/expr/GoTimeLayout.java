package io.caravan.expr;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Go's {@code time.Format} layouts (reference time {@code Mon Jan 2 15:04:05 MST 2006}), for
 * Sprig's {@code date} and {@code dateInZone}: years {@code 2006 06}, months {@code January Jan 01
 * 1}, days {@code Monday Mon 02 _2 2}, hours {@code 15 03 3}, minutes {@code 04 4}, seconds {@code
 * 05 5}, {@code PM pm}, fractions {@code .000 .000000 .000000000} (and {@code .999…} without
 * trailing zeros), zones {@code MST -0700 -07:00 Z0700 Z07:00}. Other text is copied.
 */
final class GoTimeLayout {
  private static final String[] TOKENS = {
    "January", "Monday", "2006", "Z07:00", "-07:00", "Z0700", "-0700", "MST", "Jan", "Mon", "01",
    "02", "_2", "06", "15", "03", "04", "05", "PM", "pm", "1", "2", "3", "4", "5"
  };

  private GoTimeLayout() {}

  static String format(ZonedDateTime t, String layout) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    outer:
    while (i < layout.length()) {
      if ((layout.startsWith(".0", i) || layout.startsWith(".9", i))
          && (i == 0 || !Character.isDigit(layout.charAt(i - 1)))) {
        char digit = layout.charAt(i + 1);
        int n = 0;
        while (i + 1 + n < layout.length() && layout.charAt(i + 1 + n) == digit) {
          n++;
        }
        String nanos = String.format("%09d", t.getNano()).substring(0, Math.min(9, n));
        if (digit == '9') {
          nanos = nanos.replaceAll("0+$", "");
          out.append(nanos.isEmpty() ? "" : "." + nanos);
        } else {
          out.append('.').append(nanos);
        }
        i += 1 + n;
        continue;
      }
      for (String token : TOKENS) {
        if (layout.startsWith(token, i)) {
          out.append(value(t, token));
          i += token.length();
          continue outer;
        }
      }
      out.append(layout.charAt(i++));
    }
    return out.toString();
  }

  private static String zoneName(ZonedDateTime t) {
    String id = t.getZone().getId();
    if (id.equals("Z") || id.equals("UTC") || id.equals("Etc/UTC")) {
      return "UTC";
    }
    return java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ROOT).format(t);
  }

  private static String value(ZonedDateTime t, String token) {
    int offset = t.getOffset().getTotalSeconds();
    String sign = offset < 0 ? "-" : "+";
    int abs = Math.abs(offset);
    String hh = String.format("%02d", abs / 3600);
    String mm = String.format("%02d", abs / 60 % 60);
    return switch (token) {
      case "January" -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "Jan" -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "Monday" -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "Mon" -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case "2006" -> String.format("%04d", t.getYear());
      case "06" -> String.format("%02d", t.getYear() % 100);
      case "01" -> String.format("%02d", t.getMonthValue());
      case "1" -> Integer.toString(t.getMonthValue());
      case "02" -> String.format("%02d", t.getDayOfMonth());
      case "_2" -> String.format("%2d", t.getDayOfMonth());
      case "2" -> Integer.toString(t.getDayOfMonth());
      case "15" -> String.format("%02d", t.getHour());
      case "03" -> String.format("%02d", t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
      case "3" -> Integer.toString(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
      case "04" -> String.format("%02d", t.getMinute());
      case "4" -> Integer.toString(t.getMinute());
      case "05" -> String.format("%02d", t.getSecond());
      case "5" -> Integer.toString(t.getSecond());
      case "PM" -> t.getHour() < 12 ? "AM" : "PM";
      case "pm" -> t.getHour() < 12 ? "am" : "pm";
      case "MST" -> zoneName(t);
      case "-0700" -> sign + hh + mm;
      case "-07:00" -> sign + hh + ":" + mm;
      case "Z0700" -> offset == 0 ? "Z" : sign + hh + mm;
      case "Z07:00" -> offset == 0 ? "Z" : sign + hh + ":" + mm;
      default -> token;
    };
  }
}
