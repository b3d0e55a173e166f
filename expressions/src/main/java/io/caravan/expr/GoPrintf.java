package io.caravan.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Go {@code fmt.Sprintf} for template values: verbs {@code %v %s %q %d %x %X %o %b %c %f %F %e %E
 * %g %G %t %%}, flags {@code - + 0 space}, width and precision (also {@code *}). Wrong types and
 * missing or extra arguments print Go's {@code %!verb(type=value)}, {@code %!verb(MISSING)} and
 * {@code %!(EXTRA …)} markers.
 */
final class GoPrintf {
  private GoPrintf() {}

  static String sprintf(String format, List<Object> args) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i++);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (i >= format.length()) {
        out.append("%!(NOVERB)");
        break;
      }
      boolean minus = false;
      boolean plus = false;
      boolean zero = false;
      boolean space = false;
      for (; i < format.length(); i++) {
        char f = format.charAt(i);
        if (f == '-') {
          minus = true;
        } else if (f == '+') {
          plus = true;
        } else if (f == '0') {
          zero = true;
        } else if (f == ' ') {
          space = true;
        } else if (f != '#') {
          break;
        }
      }
      int width = -1;
      if (i < format.length() && format.charAt(i) == '*') {
        i++;
        width =
            next < args.size() && args.get(next) instanceof Long
                ? ((Long) args.get(next)).intValue()
                : -1;
        next++;
      } else {
        int start = i;
        while (i < format.length() && Character.isDigit(format.charAt(i))) {
          i++;
        }
        width = i > start ? Integer.parseInt(format.substring(start, i)) : -1;
      }
      int precision = -1;
      if (i < format.length() && format.charAt(i) == '.') {
        i++;
        if (i < format.length() && format.charAt(i) == '*') {
          i++;
          precision =
              next < args.size() && args.get(next) instanceof Long
                  ? ((Long) args.get(next)).intValue()
                  : 0;
          next++;
        } else {
          int start = i;
          while (i < format.length() && Character.isDigit(format.charAt(i))) {
            i++;
          }
          precision = i > start ? Integer.parseInt(format.substring(start, i)) : 0;
        }
      }
      if (i >= format.length()) {
        out.append("%!(NOVERB)");
        break;
      }
      char verb = format.charAt(i++);
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (next >= args.size()) {
        out.append("%!").append(verb).append("(MISSING)");
        continue;
      }
      Object arg = args.get(next++);
      String text = one(verb, arg, precision, plus, space);
      boolean numeric = arg instanceof Long || arg instanceof Double;
      out.append(pad(text, width, minus, zero && numeric && !minus));
    }
    if (next < args.size()) {
      out.append("%!(EXTRA ");
      for (int a = next; a < args.size(); a++) {
        Object arg = args.get(a);
        out.append(a > next ? ", " : "")
            .append(GoFormat.typeName(arg))
            .append('=')
            .append(GoFormat.print(arg));
      }
      out.append(')');
    }
    return out.toString();
  }

  private static String one(char verb, Object arg, int precision, boolean plus, boolean space) {
    String sign = plus ? "+" : space ? " " : "";
    switch (verb) {
      case 'v':
        if (arg instanceof Double && precision >= 0) {
          return signed(g((Double) arg, precision), sign);
        }
        return arg instanceof Long || arg instanceof Double
            ? signed(GoFormat.print(arg), sign)
            : GoFormat.print(arg);
      case 's':
        if (arg instanceof String) {
          String s = (String) arg;
          return precision >= 0 && precision < s.length() ? s.substring(0, precision) : s;
        }
        return arg instanceof List || arg instanceof java.util.Map
            ? GoFormat.print(arg)
            : bad(verb, arg);
      case 'q':
        if (arg instanceof String) {
          return GoFormat.quote((String) arg, '"');
        }
        return arg instanceof Long
            ? GoFormat.quote(new String(Character.toChars(((Long) arg).intValue())), '\'')
            : bad(verb, arg);
      case 'd':
        return arg instanceof Long ? signed(arg.toString(), sign) : bad(verb, arg);
      case 'c':
        return arg instanceof Long
            ? new String(Character.toChars(((Long) arg).intValue()))
            : bad(verb, arg);
      case 'x':
      case 'X':
      case 'o':
      case 'b':
        {
          String text;
          if (arg instanceof Long) {
            long v = (Long) arg;
            int radix = verb == 'o' ? 8 : verb == 'b' ? 2 : 16;
            text = (v < 0 ? "-" : sign) + Long.toString(Math.abs(v), radix);
          } else if (arg instanceof String && (verb == 'x' || verb == 'X')) {
            StringBuilder hex = new StringBuilder();
            for (byte b : ((String) arg).getBytes(StandardCharsets.UTF_8)) {
              hex.append(String.format("%02x", b & 0xff));
            }
            text = hex.toString();
          } else {
            return bad(verb, arg);
          }
          return verb == 'X' ? text.toUpperCase(Locale.ROOT) : text;
        }
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G':
        {
          if (!(arg instanceof Double)) {
            return bad(verb, arg);
          }
          double d = (Double) arg;
          if (Double.isNaN(d) || Double.isInfinite(d)) {
            return GoFormat.formatFloatG(d);
          }
          String text;
          char lower = Character.toLowerCase(verb);
          if (lower == 'f') {
            text = String.format(Locale.ROOT, "%." + (precision < 0 ? 6 : precision) + "f", d);
          } else if (lower == 'e') {
            text = String.format(Locale.ROOT, "%." + (precision < 0 ? 6 : precision) + "e", d);
          } else {
            text = precision < 0 ? GoFormat.formatFloatG(d) : g(d, precision);
          }
          text = signed(text, sign);
          return Character.isUpperCase(verb) ? text.toUpperCase(Locale.ROOT) : text;
        }
      case 't':
        return arg instanceof Boolean ? arg.toString() : bad(verb, arg);
      default:
        return "%!" + verb + "(" + GoFormat.typeName(arg) + "=" + GoFormat.print(arg) + ")";
    }
  }

  /** Go {@code %.Ng}: N significant digits, exponent form when the exponent is < -4 or >= N. */
  private static String g(double d, int precision) {
    if (d == 0) {
      return "0";
    }
    int p = Math.max(precision, 1);
    BigDecimal rounded = new BigDecimal(Math.abs(d)).round(new MathContext(p)).stripTrailingZeros();
    int exponent = rounded.precision() - 1 - rounded.scale();
    String sign = d < 0 ? "-" : "";
    if (exponent < -4 || exponent >= p) {
      String digits = rounded.unscaledValue().toString();
      String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
      String e = Integer.toString(Math.abs(exponent));
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }
    return sign + rounded.toPlainString();
  }

  private static String signed(String text, String sign) {
    return text.startsWith("-") || text.startsWith("+") ? text : sign + text;
  }

  private static String bad(char verb, Object arg) {
    return arg == null
        ? "%!" + verb + "(<nil>)"
        : "%!" + verb + "(" + GoFormat.typeName(arg) + "=" + GoFormat.print(arg) + ")";
  }

  private static String pad(String text, int width, boolean left, boolean zeros) {
    if (width < 0 || text.length() >= width) {
      return text;
    }
    String fill = (zeros ? "0" : " ").repeat(width - text.length());
    if (left) {
      return text + fill;
    }
    if (zeros && (text.startsWith("-") || text.startsWith("+"))) {
      return text.charAt(0) + fill + text.substring(1);
    }
    return fill + text;
  }
}
