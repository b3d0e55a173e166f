package io.caravan.expr;

import static io.caravan.expr.TemplateFunctions.string;

import io.caravan.expr.TemplateFunctions.Def;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * More Sprig functions that Argo manifests use, beside {@link SprigFunctions}: maps ({@code get},
 * {@code hasKey}, {@code keys}, {@code pick}, {@code omit}), lists ({@code first}, {@code last},
 * {@code rest}, {@code initial}, {@code append}, {@code prepend}, {@code has}, {@code uniq}, {@code
 * without}, {@code reverse}), case ({@code snakecase}, {@code kebabcase}, {@code camelcase}),
 * {@code toPrettyJson}, {@code sha1sum}, {@code urlquery}, time ({@code now}, {@code unixEpoch},
 * {@code date}, {@code dateInZone} with Go layouts) and {@code uuidv4}, {@code randAlphaNum}.
 * Sprig's {@code env} and {@code expandenv} are left out on purpose: a manifest must not read the
 * runtime's environment.
 */
final class SprigMoreFunctions {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SprigMoreFunctions() {}

  static void register(Map<String, Def> f) {
    f.put(
        "get",
        new Def(
            2,
            2,
            a -> {
              Object v = map(a.get(0), "get").get(string(a, 1, "get"));
              return v == null ? "" : v;
            }));
    f.put(
        "hasKey", new Def(2, 2, a -> map(a.get(0), "hasKey").containsKey(string(a, 1, "hasKey"))));
    f.put(
        "keys",
        new Def(
            1,
            -1,
            a -> {
              TreeSet<String> keys = new TreeSet<>();
              a.forEach(m -> keys.addAll(map(m, "keys").keySet()));
              return new ArrayList<Object>(keys);
            }));
    f.put(
        "pick",
        new Def(
            1,
            -1,
            a -> {
              Map<String, Object> out = new LinkedHashMap<>();
              Map<String, Object> in = map(a.get(0), "pick");
              for (int i = 1; i < a.size(); i++) {
                String key = string(a, i, "pick");
                if (in.containsKey(key)) {
                  out.put(key, in.get(key));
                }
              }
              return out;
            }));
    f.put(
        "omit",
        new Def(
            1,
            -1,
            a -> {
              Map<String, Object> out = new LinkedHashMap<>(map(a.get(0), "omit"));
              for (int i = 1; i < a.size(); i++) {
                out.remove(string(a, i, "omit"));
              }
              return out;
            }));
    f.put(
        "first",
        new Def(
            1, 1, a -> list(a.get(0), "first").isEmpty() ? null : list(a.get(0), "first").get(0)));
    f.put(
        "last",
        new Def(
            1,
            1,
            a -> {
              List<Object> l = list(a.get(0), "last");
              return l.isEmpty() ? null : l.get(l.size() - 1);
            }));
    f.put(
        "rest",
        new Def(
            1,
            1,
            a -> {
              List<Object> l = list(a.get(0), "rest");
              return l.isEmpty() ? new ArrayList<>() : new ArrayList<>(l.subList(1, l.size()));
            }));
    f.put(
        "initial",
        new Def(
            1,
            1,
            a -> {
              List<Object> l = list(a.get(0), "initial");
              return l.isEmpty() ? new ArrayList<>() : new ArrayList<>(l.subList(0, l.size() - 1));
            }));
    f.put(
        "append",
        new Def(
            2,
            2,
            a -> {
              List<Object> l = new ArrayList<>(list(a.get(0), "append"));
              l.add(a.get(1));
              return l;
            }));
    f.put(
        "prepend",
        new Def(
            2,
            2,
            a -> {
              List<Object> l = new ArrayList<>(list(a.get(0), "prepend"));
              l.add(0, a.get(1));
              return l;
            }));
    f.put(
        "has",
        new Def(
            2,
            2,
            a ->
                list(a.get(1), "has").stream()
                    .anyMatch(e -> TemplateFunctions.equal(e, a.get(0)))));
    f.put(
        "uniq",
        new Def(
            1,
            1,
            a -> {
              List<Object> out = new ArrayList<>();
              for (Object e : list(a.get(0), "uniq")) {
                if (out.stream().noneMatch(o -> TemplateFunctions.equal(o, e))) {
                  out.add(e);
                }
              }
              return out;
            }));
    f.put(
        "without",
        new Def(
            1,
            -1,
            a -> {
              List<Object> out = new ArrayList<>();
              List<Object> drop = a.subList(1, a.size());
              for (Object e : list(a.get(0), "without")) {
                if (drop.stream().noneMatch(d -> TemplateFunctions.equal(d, e))) {
                  out.add(e);
                }
              }
              return out;
            }));
    f.put(
        "reverse",
        new Def(
            1,
            1,
            a -> {
              List<Object> l = new ArrayList<>(list(a.get(0), "reverse"));
              java.util.Collections.reverse(l);
              return l;
            }));
    f.put("snakecase", new Def(1, 1, a -> words(string(a, 0, "snakecase"), "_")));
    f.put("kebabcase", new Def(1, 1, a -> words(string(a, 0, "kebabcase"), "-")));
    f.put(
        "camelcase",
        new Def(
            1,
            1,
            a -> {
              StringBuilder out = new StringBuilder();
              for (String part : string(a, 0, "camelcase").split("_")) {
                if (!part.isEmpty()) {
                  out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
              }
              return out.toString();
            }));
    f.put("toPrettyJson", new Def(1, 1, a -> prettyJson(a.get(0), "")));
    f.put("sha1sum", new Def(1, 1, a -> digest("SHA-1", string(a, 0, "sha1sum"))));
    f.put(
        "urlquery",
        new Def(
            0,
            -1,
            a ->
                URLEncoder.encode(
                    SprigFunctions.strval(
                        a.size() == 1 ? a.get(0) : TemplateFunctions.call("print", a)),
                    StandardCharsets.UTF_8)));
    f.put("now", new Def(0, 0, a -> ZonedDateTime.now(ZoneOffset.UTC)));
    f.put("unixEpoch", new Def(1, 1, a -> time(a.get(0), "unixEpoch").toEpochSecond()));
    f.put(
        "date",
        new Def(
            2,
            2,
            a ->
                GoTimeLayout.format(
                    time(a.get(1), "date").withZoneSameInstant(ZoneId.systemDefault()),
                    string(a, 0, "date"))));
    f.put(
        "dateInZone",
        new Def(
            3,
            3,
            a ->
                GoTimeLayout.format(
                    time(a.get(1), "dateInZone")
                        .withZoneSameInstant(zone(string(a, 2, "dateInZone"))),
                    string(a, 0, "dateInZone"))));
    f.put("uuidv4", new Def(0, 0, a -> UUID.randomUUID().toString()));
    f.put(
        "randAlphaNum",
        new Def(
            1,
            1,
            a -> {
              String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
              StringBuilder out = new StringBuilder();
              long n = TemplateFunctions.integer(a, 0, "randAlphaNum");
              for (long i = 0; i < n; i++) {
                out.append(chars.charAt(RANDOM.nextInt(chars.length())));
              }
              return out.toString();
            }));
  }

  /** Go's {@code json.MarshalIndent(v, "", " ")}: map keys sorted, two-space indent. */
  private static String prettyJson(Object v, String indent) {
    String inner = indent + "  ";
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      StringBuilder out = new StringBuilder("{\n");
      int i = 0;
      for (Map.Entry<String, Object> e : GoFormat.sorted(m).entrySet()) {
        out.append(inner)
            .append(GoFormat.json(e.getKey(), true))
            .append(": ")
            .append(prettyJson(e.getValue(), inner))
            .append(++i < m.size() ? ",\n" : "\n");
      }
      return out.append(indent).append('}').toString();
    }
    if (v instanceof List<?> l && !l.isEmpty()) {
      StringBuilder out = new StringBuilder("[\n");
      for (int i = 0; i < l.size(); i++) {
        out.append(inner)
            .append(prettyJson(l.get(i), inner))
            .append(i + 1 < l.size() ? ",\n" : "\n");
      }
      return out.append(indent).append(']').toString();
    }
    return GoFormat.json(v, true);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object v, String fn) {
    if (v instanceof Map) {
      return (Map<String, Object>) v;
    }
    throw new TemplateException(
        "template: error calling " + fn + ": expected a map, got " + GoFormat.typeName(v));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object v, String fn) {
    if (v instanceof List) {
      return (List<Object>) v;
    }
    throw new TemplateException(
        "template: error calling " + fn + ": expected a list, got " + GoFormat.typeName(v));
  }

  /**
   * Sprig's snakecase/kebabcase: words split at case changes and non-alphanumerics, lower-cased.
   */
  private static String words(String s, String sep) {
    String spaced =
        s.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
    List<String> parts = new ArrayList<>();
    for (String part : spaced.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        parts.add(part.toLowerCase());
      }
    }
    return String.join(sep, parts);
  }

  private static String digest(String algorithm, String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ZonedDateTime time(Object v, String fn) {
    if (v instanceof ZonedDateTime t) {
      return t;
    }
    if (v instanceof Double d) {
      return Instant.ofEpochSecond(d.longValue()).atZone(ZoneOffset.UTC);
    }
    if (v instanceof Long l) {
      return Instant.ofEpochSecond(l).atZone(ZoneOffset.UTC);
    }
    throw new TemplateException(
        "template: error calling " + fn + ": expected a time, got " + GoFormat.typeName(v));
  }

  private static ZoneId zone(String name) {
    try {
      return name.isEmpty() || name.equals("UTC") ? ZoneOffset.UTC : ZoneId.of(name);
    } catch (java.time.DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
