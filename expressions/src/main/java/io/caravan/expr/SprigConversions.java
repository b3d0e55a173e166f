package io.caravan.expr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Sprig's conversions: base64, sha256 and the spf13/cast numbers ({@code int64}, {@code float64}).
 */
final class SprigConversions {
  private static final String B64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private SprigConversions() {}

  /**
   * Sprig {@code b64dec}: the decoded text, or Go's error text when the input is not valid base64.
   */
  static String b64dec(String s) {
    String clean = s.replace("\r", "").replace("\n", "");
    int n = clean.length();
    int i = 0;
    while (i < n) {
      int start = i;
      for (int j = 0; j < 4; j++) {
        if (i == n) {
          return b64error(start);
        }
        char c = clean.charAt(i++);
        if (c == '=') {
          if (j < 2) {
            return b64error(i - 1);
          }
          if (j == 2) {
            if (i == n) {
              return b64error(n);
            }
            if (clean.charAt(i++) != '=') {
              return b64error(i - 2);
            }
          }
          if (i < n) {
            return b64error(i);
          }
          break;
        }
        if (B64.indexOf(c) < 0) {
          return b64error(i - 1);
        }
      }
    }
    return new String(Base64.getDecoder().decode(clean), StandardCharsets.UTF_8);
  }

  static String b64error(int offset) {
    return "illegal base64 data at input byte " + offset;
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sprig {@code int}/{@code int64} (spf13/cast): unparsable strings and nil are 0. */
  static long toInt64(Object v) {
    if (v instanceof Long) {
      return (Long) v;
    }
    if (v instanceof Double) {
      return (long) (double) (Double) v;
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? 1 : 0;
    }
    if (v instanceof String) {
      String s = ((String) v).replaceFirst("\\.0*$", "");
      try {
        boolean negative = s.startsWith("-");
        String body = s.replaceFirst("^[+-]", "");
        long magnitude =
            body.matches("0[xX][0-9a-fA-F]+")
                ? Long.parseLong(body.substring(2), 16)
                : body.matches("0[0-7]+")
                    ? Long.parseLong(body.substring(1), 8)
                    : Long.parseLong(body);
        return negative ? -magnitude : magnitude;
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  /** Sprig {@code float64} (spf13/cast): unparsable strings and nil are 0. */
  static double toFloat64(Object v) {
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? 1 : 0;
    }
    if (v instanceof String) {
      Double parsed = GoFormat.parseFloat((String) v);
      return parsed == null ? 0 : parsed;
    }
    return 0;
  }
}
