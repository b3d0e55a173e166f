package io.caravan.expr;

import static io.caravan.expr.TemplateFunctions.integer;
import static io.caravan.expr.TemplateFunctions.string;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.caravan.expr.TemplateFunctions.Def;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Sprig (Masterminds/sprig v3) functions Argo manifests use, with Sprig's argument order. */
final class SprigFunctions {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SprigFunctions() {}

  static void register(Map<String, Def> f) {
    f.put("upper", new Def(1, 1, a -> string(a, 0, "upper").toUpperCase()));
    f.put("lower", new Def(1, 1, a -> string(a, 0, "lower").toLowerCase()));
    f.put("title", new Def(1, 1, a -> title(string(a, 0, "title"), true)));
    f.put("untitle", new Def(1, 1, a -> title(string(a, 0, "untitle"), false)));
    f.put("trim", new Def(1, 1, a -> string(a, 0, "trim").strip()));
    f.put("trimAll", new Def(2, 2, a -> trimAll(string(a, 1, "trimAll"), string(a, 0, "trimAll"))));
    f.put(
        "trimPrefix",
        new Def(
            2,
            2,
            a -> {
              String s = string(a, 1, "trimPrefix");
              String prefix = string(a, 0, "trimPrefix");
              return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
            }));
    f.put(
        "trimSuffix",
        new Def(
            2,
            2,
            a -> {
              String s = string(a, 1, "trimSuffix");
              String suffix = string(a, 0, "trimSuffix");
              return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
            }));
    f.put("nospace", new Def(1, 1, a -> string(a, 0, "nospace").replaceAll("\\s", "")));
    f.put(
        "replace",
        new Def(
            3,
            3,
            a ->
                string(a, 2, "replace").replace(string(a, 0, "replace"), string(a, 1, "replace"))));
    f.put(
        "repeat", new Def(2, 2, a -> string(a, 1, "repeat").repeat((int) integer(a, 0, "repeat"))));
    f.put(
        "substr",
        new Def(
            3,
            3,
            a -> substr(integer(a, 0, "substr"), integer(a, 1, "substr"), string(a, 2, "substr"))));
    f.put("trunc", new Def(2, 2, a -> trunc(integer(a, 0, "trunc"), string(a, 1, "trunc"))));
    f.put(
        "contains",
        new Def(2, 2, a -> string(a, 1, "contains").contains(string(a, 0, "contains"))));
    f.put(
        "hasPrefix",
        new Def(2, 2, a -> string(a, 1, "hasPrefix").startsWith(string(a, 0, "hasPrefix"))));
    f.put(
        "hasSuffix",
        new Def(2, 2, a -> string(a, 1, "hasSuffix").endsWith(string(a, 0, "hasSuffix"))));
    f.put("cat", new Def(0, -1, a -> join(" ", strings(a))));
    f.put("quote", new Def(0, -1, a -> quoteAll(a, '"')));
    f.put("squote", new Def(0, -1, a -> quoteAll(a, '\'')));
    f.put("indent", new Def(2, 2, a -> indent(integer(a, 0, "indent"), string(a, 1, "indent"))));
    f.put(
        "nindent",
        new Def(2, 2, a -> "\n" + indent(integer(a, 0, "nindent"), string(a, 1, "nindent"))));

    f.put("default", new Def(1, -1, a -> a.size() < 2 || empty(a.get(1)) ? a.get(0) : a.get(1)));
    f.put("empty", new Def(1, 1, a -> empty(a.get(0))));
    f.put(
        "coalesce",
        new Def(0, -1, a -> a.stream().filter(v -> !empty(v)).findFirst().orElse(null)));
    f.put("ternary", new Def(3, 3, a -> TemplateFunctions.truth(a.get(2)) ? a.get(0) : a.get(1)));

    f.put("toJson", new Def(1, 1, a -> GoFormat.json(a.get(0), true)));
    f.put("toRawJson", new Def(1, 1, a -> GoFormat.json(a.get(0), false)));
    f.put(
        "fromJson",
        new Def(
            1,
            1,
            a -> {
              try {
                return TemplateFunctions.fromJsonNode(MAPPER.readTree(string(a, 0, "fromJson")));
              } catch (java.io.IOException e) {
                return null;
              }
            }));
    f.put("toString", new Def(1, 1, a -> strval(a.get(0))));
    f.put("toStrings", new Def(1, 1, a -> strslice(a.get(0))));
    f.put(
        "b64enc",
        new Def(
            1,
            1,
            a ->
                Base64.getEncoder()
                    .encodeToString(string(a, 0, "b64enc").getBytes(StandardCharsets.UTF_8))));
    f.put("b64dec", new Def(1, 1, a -> SprigConversions.b64dec(string(a, 0, "b64dec"))));
    f.put("sha256sum", new Def(1, 1, a -> SprigConversions.sha256(string(a, 0, "sha256sum"))));

    f.put(
        "split",
        new Def(
            2,
            2,
            a -> {
              Map<String, Object> parts = new LinkedHashMap<>();
              List<String> list = split(string(a, 1, "split"), string(a, 0, "split"));
              for (int i = 0; i < list.size(); i++) {
                parts.put("_" + i, list.get(i));
              }
              return parts;
            }));
    f.put(
        "splitList",
        new Def(
            2,
            2,
            a ->
                new ArrayList<Object>(
                    split(string(a, 1, "splitList"), string(a, 0, "splitList")))));
    f.put("join", new Def(2, 2, a -> join(string(a, 0, "join"), strslice(a.get(1)))));
    f.put("list", new Def(0, -1, ArrayList::new));
    f.put(
        "dict",
        new Def(
            0,
            -1,
            a -> {
              Map<String, Object> dict = new LinkedHashMap<>();
              for (int i = 0; i < a.size(); i += 2) {
                dict.put(strval(a.get(i)), i + 1 < a.size() ? a.get(i + 1) : "");
              }
              return dict;
            }));

    f.put("int", new Def(1, 1, a -> SprigConversions.toInt64(a.get(0))));
    f.put("int64", new Def(1, 1, a -> SprigConversions.toInt64(a.get(0))));
    f.put("float64", new Def(1, 1, a -> SprigConversions.toFloat64(a.get(0))));
    f.put(
        "atoi",
        new Def(
            1,
            1,
            a -> {
              String s = string(a, 0, "atoi");
              return s.matches("[+-]?\\d+") ? Long.parseLong(s) : 0L;
            }));
    f.put("add", new Def(0, -1, a -> a.stream().mapToLong(SprigConversions::toInt64).sum()));
    f.put(
        "sub",
        new Def(
            2, 2, a -> SprigConversions.toInt64(a.get(0)) - SprigConversions.toInt64(a.get(1))));
    f.put(
        "mul",
        new Def(
            1,
            -1,
            a -> a.stream().mapToLong(SprigConversions::toInt64).reduce(1, (x, y) -> x * y)));
    f.put("div", new Def(2, 2, a -> SprigConversions.toInt64(a.get(0)) / divisor(a, "div")));
    f.put("mod", new Def(2, 2, a -> SprigConversions.toInt64(a.get(0)) % divisor(a, "mod")));
    f.put(
        "max",
        new Def(1, -1, a -> a.stream().mapToLong(SprigConversions::toInt64).max().getAsLong()));
    f.put(
        "min",
        new Def(1, -1, a -> a.stream().mapToLong(SprigConversions::toInt64).min().getAsLong()));

    f.put(
        "regexMatch",
        new Def(
            2,
            2,
            a -> {
              try {
                return Pattern.compile(string(a, 0, "regexMatch"))
                    .matcher(string(a, 1, "regexMatch"))
                    .find();
              } catch (com.google.re2j.PatternSyntaxException e) {
                return false;
              }
            }));
    f.put(
        "regexFind",
        new Def(
            2,
            2,
            a -> {
              Matcher m =
                  Pattern.compile(string(a, 0, "regexFind")).matcher(string(a, 1, "regexFind"));
              return m.find() ? m.group() : "";
            }));
    f.put(
        "regexFindAll",
        new Def(
            3,
            3,
            a -> {
              Matcher m =
                  Pattern.compile(string(a, 0, "regexFindAll"))
                      .matcher(string(a, 1, "regexFindAll"));
              long n = integer(a, 2, "regexFindAll");
              List<Object> found = new ArrayList<>();
              while ((n < 0 || found.size() < n) && m.find()) {
                found.add(m.group());
              }
              return found;
            }));
    f.put(
        "regexReplaceAll",
        new Def(
            3,
            3,
            a ->
                Pattern.compile(string(a, 0, "regexReplaceAll"))
                    .matcher(string(a, 1, "regexReplaceAll"))
                    .replaceAll(string(a, 2, "regexReplaceAll"))));
  }

  private static long divisor(List<Object> a, String fn) {
    long d = SprigConversions.toInt64(a.get(1));
    if (d == 0) {
      throw new TemplateException(
          "template: error calling " + fn + ": runtime error: integer divide by zero");
    }
    return d;
  }

  /** Go {@code strings.Title} (and its inverse for {@code untitle}). */
  private static String title(String s, boolean upper) {
    StringBuilder out = new StringBuilder();
    int[] prev = {' '};
    s.codePoints()
        .forEach(
            cp -> {
              boolean separator =
                  prev[0] < 0x80
                      ? !(Character.isLetterOrDigit(prev[0]) || prev[0] == '_')
                      : Character.isWhitespace(prev[0]);
              out.appendCodePoint(
                  separator ? (upper ? Character.toTitleCase(cp) : Character.toLowerCase(cp)) : cp);
              prev[0] = cp;
            });
    return out.toString();
  }

  private static String trimAll(String s, String cutset) {
    int start = 0;
    int end = s.length();
    while (start < end && cutset.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && cutset.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  private static String substr(long start, long end, String s) {
    if (start < 0) {
      return s.substring(0, (int) Math.min(Math.max(end, 0), s.length()));
    }
    if (end < 0 || end > s.length()) {
      return start > s.length() ? "" : s.substring((int) start);
    }
    return start > end ? "" : s.substring((int) start, (int) end);
  }

  private static String trunc(long c, String s) {
    if (c < 0 && s.length() + c > 0) {
      return s.substring((int) (s.length() + c));
    }
    if (c >= 0 && s.length() > c) {
      return s.substring(0, (int) c);
    }
    return s;
  }

  private static String indent(long spaces, String v) {
    String pad = " ".repeat((int) Math.max(spaces, 0));
    return pad + v.replace("\n", "\n" + pad);
  }

  private static String quoteAll(List<Object> args, char quote) {
    List<String> out = new ArrayList<>();
    for (Object v : args) {
      if (v != null) {
        out.add(quote == '"' ? GoFormat.quote(strval(v), '"') : "'" + strval(v) + "'");
      }
    }
    return String.join(" ", out);
  }

  /** Sprig {@code empty}: nil, false, 0, "" and empty lists and maps. */
  static boolean empty(Object v) {
    return !TemplateFunctions.truth(v);
  }

  /** Sprig {@code strval}: strings as is, everything else through Go {@code %v}. */
  static String strval(Object v) {
    return v instanceof String ? (String) v : GoFormat.print(v);
  }

  private static List<String> strings(List<Object> args) {
    List<String> out = new ArrayList<>();
    for (Object v : args) {
      if (v != null) {
        out.add(strval(v));
      }
    }
    return out;
  }

  /**
   * Sprig {@code strslice}: a list's non-nil elements as strings; a single value as a one-item
   * list.
   */
  private static List<Object> strslice(Object v) {
    if (v == null) {
      return new ArrayList<>();
    }
    if (v instanceof List) {
      return new ArrayList<>(strings(new ArrayList<>((List<?>) v)));
    }
    return new ArrayList<>(List.of(strval(v)));
  }

  private static String join(String sep, List<?> parts) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      out.append(i > 0 ? sep : "").append(parts.get(i));
    }
    return out.toString();
  }

  /** Go {@code strings.Split}. */
  private static List<String> split(String s, String sep) {
    List<String> out = new ArrayList<>();
    if (sep.isEmpty()) {
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
      return out;
    }
    int from = 0;
    int at;
    while ((at = s.indexOf(sep, from)) >= 0) {
      out.add(s.substring(from, at));
      from = at + sep.length();
    }
    out.add(s.substring(from));
    return out;
  }
}
