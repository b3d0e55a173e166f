package io.caravan.expr;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The functions an EventSource filter expression may call: expr-lang's {@code len upper lower trim
 * abs int float string} and Argo's helpers {@code toJson asInt asFloat}. Sprig (Argo: {@code
 * sprig.*}) is not available.
 */
final class ExprLangFunctions {
  private ExprLangFunctions() {}

  static Object call(String name, List<Object> args) {
    switch (name) {
      case "len":
        {
          Object v = one(name, args);
          if (v instanceof String s) {
            return (double) s.codePointCount(0, s.length());
          }
          if (v instanceof List<?> l) {
            return (double) l.size();
          }
          if (v instanceof Map<?, ?> m) {
            return (double) m.size();
          }
          throw new ExpressionException(
              "invalid argument for len (type " + GoFormat.typeName(v) + ")");
        }
      case "upper":
        return text(name, args).toUpperCase(Locale.ROOT);
      case "lower":
        return text(name, args).toLowerCase(Locale.ROOT);
      case "trim":
        return text(name, args).strip();
      case "abs":
        return Math.abs(number(name, args));
      case "int", "asInt":
        {
          Object v = one(name, args);
          if (v instanceof String s) {
            try {
              return (double) Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
              throw new ExpressionException(name + ": cannot parse '" + s + "' as an integer");
            }
          }
          return (double) (long) number(name, args);
        }
      case "float", "asFloat":
        {
          Object v = one(name, args);
          if (v instanceof String s) {
            Double d = GoFormat.parseFloat(s.trim());
            if (d == null) {
              throw new ExpressionException(name + ": cannot parse '" + s + "' as a number");
            }
            return d;
          }
          return number(name, args);
        }
      case "string":
        return SprigFunctions.strval(one(name, args));
      case "toJson":
        return GoFormat.json(one(name, args), true);
      default:
        throw new ExpressionException(
            "unknown function "
                + name
                + " (Caravan's EventSource filters support"
                + " len, upper, lower, trim, abs, int, float, string, toJson, asInt, asFloat)");
    }
  }

  private static Object one(String name, List<Object> args) {
    if (args.size() != 1) {
      throw new ExpressionException(name + " takes one argument, got " + args.size());
    }
    return args.get(0);
  }

  private static String text(String name, List<Object> args) {
    if (!(one(name, args) instanceof String s)) {
      throw new ExpressionException(name + " needs a string");
    }
    return s;
  }

  private static double number(String name, List<Object> args) {
    if (!(one(name, args) instanceof Double d)) {
      throw new ExpressionException(name + " needs a number");
    }
    return d;
  }
}
