package io.caravan.generator.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Go duration strings ({@code 10s}, {@code 1h30m}, {@code 1.5h}, {@code 300ms}) as Go does. */
public final class GoDuration {

  private static final Pattern WHOLE =
      Pattern.compile("[-+]?((\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h))+");
  private static final Pattern PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
  private static final Map<String, Long> NANOS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "μs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDuration() {}

  /** The duration, or null when {@code text} is not a Go duration. {@code "0"} is zero. */
  public static Duration parse(String text) {
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
    boolean negative = s.startsWith("-");
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher part = PART.matcher(s);
    while (part.find()) {
      nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(NANOS.get(part.group(2)))));
    }
    Duration duration = Duration.ofNanos(nanos.longValue());
    return negative ? duration.negated() : duration;
  }
}
