package io.caravan.expr;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go duration strings ({@code 10s}, {@code 1m30s}, {@code 1.5h}, {@code 300ms}, {@code -2h}) as
 * Go's {@code time.ParseDuration} reads them: one or more decimal numbers each with a unit (ns, us,
 * µs, ms, s, m, h), an optional sign, and {@code 0} alone. The one parser of the compiler and the
 * runtime.
 */
public final class GoDuration {
  private static final Pattern WHOLE =
      Pattern.compile("[-+]?((\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+");
  private static final Pattern PART =
      Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
  private static final Map<String, Long> NANOS =
      Map.of(
          "ns",
          1L,
          "us",
          1_000L,
          "µs",
          1_000L,
          "μs",
          1_000L,
          "ms",
          1_000_000L,
          "s",
          1_000_000_000L,
          "m",
          60_000_000_000L,
          "h",
          3_600_000_000_000L);

  private GoDuration() {}

  /** The duration, or null when {@code text} is null or not a Go duration. */
  public static Duration tryParse(String text) {
    if (text == null) {
      return null;
    }
    String s = text.trim();
    if (s.equals("0") || s.equals("+0") || s.equals("-0")) {
      return Duration.ZERO;
    }
    if (!WHOLE.matcher(s).matches()) {
      return null;
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher part = PART.matcher(s);
    while (part.find()) {
      nanos =
          nanos.add(
              new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(NANOS.get(part.group(2)))));
    }
    Duration duration = Duration.ofNanos(nanos.longValue());
    return s.startsWith("-") ? duration.negated() : duration;
  }

  /**
   * The duration; {@link IllegalArgumentException} naming the text when it is not a Go duration.
   */
  public static Duration parse(String text) {
    Duration duration = tryParse(text);
    if (duration == null) {
      throw new IllegalArgumentException(
          "'" + (text == null ? "" : text) + "' is not a Go duration (e.g. 10s, 1m30s, 1h)");
    }
    return duration;
  }
}
