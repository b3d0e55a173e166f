package io.caravan.expr;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Go's textual conversions that template values go through: {@code strconv} parsing and float
 * formatting, {@code fmt}'s {@code %v} and {@code %q}, and {@code encoding/json} output. Values are
 * the template value kinds: {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code
 * Map}, {@code List} and {@code null}.
 */
final class GoFormat {
  private static final Pattern FLOAT =
      Pattern.compile(
          "[+-]?(((\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)|0[xX][0-9a-fA-F.]+[pP][+-]?\\d+)");
  private static final Pattern SPECIAL_FLOAT =
      Pattern.compile("[+-]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

  private GoFormat() {}

  /** Go {@code strconv.ParseFloat(s, 64)}; null when Go reports a syntax error. */
  static Double parseFloat(String s) {
    if (FLOAT.matcher(s).matches()) {
      return Double.parseDouble(s);
    }
    if (SPECIAL_FLOAT.matcher(s).matches()) {
      boolean negative = s.startsWith("-");
      return s.toLowerCase().contains("nan")
          ? Double.NaN
          : negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return null;
  }

  /** Go {@code strconv.ParseBool}; null when Go reports an error. */
  static Boolean parseBool(String s) {
    switch (s) {
      case "1":
      case "t":
      case "T":
      case "TRUE":
      case "true":
      case "True":
        return true;
      case "0":
      case "f":
      case "F":
      case "FALSE":
      case "false":
      case "False":
        return false;
      default:
        return null;
    }
  }

  /** Go {@code strconv.FormatFloat(f, 'f', -1, 64)}: shortest digits, never an exponent. */
  static String formatFloatPlain(double f) {
    String special = special(f);
    if (special != null) {
      return special;
    }
    return (isNegative(f) ? "-" : "") + shortest(Math.abs(f)).toPlainString();
  }

  /**
   * Go {@code %v} of a float64 ({@code 'g'}, shortest): exponent form below 1e-4 and from 1e6 on.
   */
  static String formatFloatG(double f) {
    String special = special(f);
    if (special != null) {
      return special;
    }
    BigDecimal digits = shortest(Math.abs(f));
    int exponent = exponent(digits);
    String sign = isNegative(f) ? "-" : "";
    if (f != 0 && (exponent < -4 || exponent >= 6)) {
      return sign + exponentForm(digits, exponent, 2);
    }
    return sign + digits.toPlainString();
  }

  /** Go {@code encoding/json} float64 text: plain, or exponent form outside [1e-6, 1e21). */
  static String formatFloatJson(double f) {
    double abs = Math.abs(f);
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      BigDecimal digits = shortest(abs);
      return (f < 0 ? "-" : "") + exponentForm(digits, exponent(digits), 1);
    }
    return formatFloatPlain(f);
  }

  private static String special(double f) {
    if (Double.isNaN(f)) {
      return "NaN";
    }
    if (Double.isInfinite(f)) {
      return f > 0 ? "+Inf" : "-Inf";
    }
    if (f == 0) {
      return isNegative(f) ? "-0" : "0";
    }
    return null;
  }

  private static boolean isNegative(double f) {
    return f < 0 || (f == 0 && 1 / f < 0);
  }

  private static BigDecimal shortest(double abs) {
    return new BigDecimal(Double.toString(abs)).stripTrailingZeros();
  }

  private static int exponent(BigDecimal digits) {
    return digits.precision() - 1 - digits.scale();
  }

  private static String exponentForm(BigDecimal digits, int exponent, int minExponentDigits) {
    String d = digits.unscaledValue().toString();
    StringBuilder out = new StringBuilder().append(d.charAt(0));
    if (d.length() > 1) {
      out.append('.').append(d, 1, d.length());
    }
    String e = Integer.toString(Math.abs(exponent));
    while (e.length() < minExponentDigits) {
      e = "0" + e;
    }
    return out.append('e').append(exponent < 0 ? '-' : '+').append(e).toString();
  }

  /** Go {@code %v} of a value, as {@code fmt.Sprint} prints it ({@code null} is {@code <nil>}). */
  static String print(Object value) {
    if (value == null) {
      return "<nil>";
    }
    if (value instanceof Double) {
      return formatFloatG((Double) value);
    }
    if (value instanceof List) {
      StringBuilder out = new StringBuilder("[");
      for (Object element : (List<?>) value) {
        out.append(out.length() > 1 ? " " : "").append(print(element));
      }
      return out.append(']').toString();
    }
    if (value instanceof Map) {
      StringBuilder out = new StringBuilder("map[");
      for (Map.Entry<String, Object> e : sorted((Map<?, ?>) value).entrySet()) {
        out.append(out.length() > 4 ? " " : "")
            .append(e.getKey())
            .append(':')
            .append(print(e.getValue()));
      }
      return out.append(']').toString();
    }
    return value.toString();
  }

  /** Go's type name of a value, for {@code %!verb(type=value)} messages. */
  static String typeName(Object value) {
    if (value == null) {
      return "<nil>";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Long) {
      return "int";
    }
    if (value instanceof Double) {
      return "float64";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof List) {
      return "[]interface {}";
    }
    return "map[string]interface {}";
  }

  static Map<String, Object> sorted(Map<?, ?> map) {
    Map<String, Object> sorted = new TreeMap<>();
    map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
    return sorted;
  }

  /** Go {@code strconv.Quote}: double-quoted with Go escapes. */
  static String quote(String s, char quote) {
    StringBuilder out = new StringBuilder().append(quote);
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case 7:
                  out.append("\\a");
                  break;
                case '\b':
                  out.append("\\b");
                  break;
                case '\f':
                  out.append("\\f");
                  break;
                case '\n':
                  out.append("\\n");
                  break;
                case '\r':
                  out.append("\\r");
                  break;
                case '\t':
                  out.append("\\t");
                  break;
                case 11:
                  out.append("\\v");
                  break;
                case '\\':
                  out.append("\\\\");
                  break;
                default:
                  if (cp == quote) {
                    out.append('\\').append(quote);
                  } else if (cp < 0x20 || cp == 0x7f) {
                    out.append(String.format("\\x%02x", cp));
                  } else if (Character.isISOControl(cp) || !Character.isDefined(cp)) {
                    out.append(
                        cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
                  } else {
                    out.appendCodePoint(cp);
                  }
              }
            });
    return out.append(quote).toString();
  }

  /**
   * Go {@code json.Marshal} of a value: sorted map keys; {@code escapeHtml} escapes {@code <>&}.
   */
  static String json(Object value, boolean escapeHtml) {
    StringBuilder out = new StringBuilder();
    writeJson(value, out, escapeHtml);
    return out.toString();
  }

  private static void writeJson(Object value, StringBuilder out, boolean escapeHtml) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String) {
      jsonString((String) value, out, escapeHtml);
    } else if (value instanceof Double) {
      double d = (Double) value;
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new TemplateException("json: unsupported value: " + formatFloatG(d));
      }
      out.append(formatFloatJson(d));
    } else if (value instanceof List) {
      out.append('[');
      boolean first = true;
      for (Object element : (List<?>) value) {
        out.append(first ? "" : ",");
        first = false;
        writeJson(element, out, escapeHtml);
      }
      out.append(']');
    } else if (value instanceof Map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : sorted((Map<?, ?>) value).entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        jsonString(e.getKey(), out, escapeHtml);
        out.append(':');
        writeJson(e.getValue(), out, escapeHtml);
      }
      out.append('}');
    } else {
      out.append(value);
    }
  }

  private static void jsonString(String s, StringBuilder out, boolean escapeHtml) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20
              || c == '\u2028'
              || c == '\u2029'
              || (escapeHtml && (c == '<' || c == '>' || c == '&'))) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
