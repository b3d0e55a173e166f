package io.caravan.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The functions a {@link GoTemplate} can call: Go's built-ins here, the Sprig subset in {@link
 * SprigFunctions}. Also the value conversions both share (truth, Go types, JSON).
 */
final class TemplateFunctions {
  interface Fn {
    Object apply(List<Object> args);
  }

  record Def(int min, int max, Fn fn) {}

  private static final Map<String, Def> FUNCTIONS;

  /** Names of every function templates may call. */
  static final Set<String> NAMES;

  static {
    Map<String, Def> f = new HashMap<>();
    f.put(
        "and",
        new Def(
            1,
            -1,
            a -> {
              for (Object v : a) {
                if (!truth(v)) {
                  return v;
                }
              }
              return a.get(a.size() - 1);
            }));
    f.put(
        "or",
        new Def(
            1,
            -1,
            a -> {
              for (Object v : a) {
                if (truth(v)) {
                  return v;
                }
              }
              return a.get(a.size() - 1);
            }));
    f.put("not", new Def(1, 1, a -> !truth(a.get(0))));
    f.put("len", new Def(1, 1, a -> length(a.get(0))));
    f.put("index", new Def(1, -1, TemplateFunctions::index));
    f.put(
        "printf",
        new Def(1, -1, a -> GoPrintf.sprintf(string(a, 0, "printf"), a.subList(1, a.size()))));
    f.put("print", new Def(0, -1, a -> sprint(a, false)));
    f.put("println", new Def(0, -1, a -> sprint(a, true)));
    f.put(
        "eq",
        new Def(
            2,
            -1,
            a -> {
              for (int i = 1; i < a.size(); i++) {
                if (equal(a.get(0), a.get(i))) {
                  return true;
                }
              }
              return false;
            }));
    f.put("ne", new Def(2, 2, a -> !equal(a.get(0), a.get(1))));
    f.put("lt", new Def(2, 2, a -> compare(a.get(0), a.get(1)) < 0));
    f.put("le", new Def(2, 2, a -> compare(a.get(0), a.get(1)) <= 0));
    f.put("gt", new Def(2, 2, a -> compare(a.get(0), a.get(1)) > 0));
    f.put("ge", new Def(2, 2, a -> compare(a.get(0), a.get(1)) >= 0));
    SprigFunctions.register(f);
    SprigMoreFunctions.register(f);
    FUNCTIONS = Collections.unmodifiableMap(f);
    NAMES = FUNCTIONS.keySet();
  }

  private TemplateFunctions() {}

  static Object call(String name, List<Object> args) {
    Def def = FUNCTIONS.get(name);
    if (args.size() < def.min() || (def.max() >= 0 && args.size() > def.max())) {
      throw new TemplateException(
          "template: wrong number of args for "
              + name
              + ": want "
              + (def.max() == def.min() ? String.valueOf(def.min()) : "at least " + def.min())
              + " got "
              + args.size());
    }
    try {
      return def.fn().apply(args);
    } catch (TemplateException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new TemplateException("template: error calling " + name + ": " + e.getMessage());
    }
  }

  /** Go template truth: false, 0, nil and empty strings, lists and maps are false. */
  static boolean truth(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof Long) {
      return (Long) v != 0;
    }
    if (v instanceof Double) {
      return (Double) v != 0;
    }
    if (v instanceof String) {
      return !((String) v).isEmpty();
    }
    if (v instanceof List) {
      return !((List<?>) v).isEmpty();
    }
    return !(v instanceof Map) || !((Map<?, ?>) v).isEmpty();
  }

  /** A string parameter, as Go checks it: anything else is a type error. */
  static String string(List<Object> args, int i, String fn) {
    Object v = args.get(i);
    if (v instanceof String) {
      return (String) v;
    }
    throw new TemplateException(
        "template: "
            + fn
            + ": "
            + (v == null
                ? "invalid value; expected string"
                : "wrong type for value; expected string; got " + GoFormat.typeName(v)));
  }

  /** An int parameter, as Go checks it. */
  static long integer(List<Object> args, int i, String fn) {
    Object v = args.get(i);
    if (v instanceof Long) {
      return (Long) v;
    }
    throw new TemplateException(
        "template: "
            + fn
            + ": "
            + (v == null
                ? "invalid value; expected int"
                : "wrong type for value; expected int; got " + GoFormat.typeName(v)));
  }

  private static long length(Object v) {
    if (v instanceof String) {
      return ((String) v).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
    if (v instanceof List) {
      return ((List<?>) v).size();
    }
    if (v instanceof Map) {
      return ((Map<?, ?>) v).size();
    }
    throw new TemplateException(
        "template: error calling len: len of "
            + (v == null ? "nil pointer" : "type " + GoFormat.typeName(v)));
  }

  private static Object index(List<Object> args) {
    Object item = args.get(0);
    for (int i = 1; i < args.size(); i++) {
      Object key = args.get(i);
      if (item instanceof List && key instanceof Long) {
        List<?> list = (List<?>) item;
        long k = (Long) key;
        if (k < 0 || k >= list.size()) {
          throw new TemplateException("template: error calling index: index out of range: " + k);
        }
        item = list.get((int) k);
      } else if (item instanceof Map && key instanceof String) {
        item = ((Map<?, ?>) item).get(key);
      } else if (item == null) {
        throw new TemplateException("template: error calling index: index of untyped nil");
      } else {
        throw new TemplateException(
            "template: error calling index: cannot index "
                + GoFormat.typeName(item)
                + " with "
                + GoFormat.typeName(key));
      }
    }
    return item;
  }

  /** Go {@code fmt.Sprint}/{@code Sprintln} spacing. */
  private static String sprint(List<Object> args, boolean line) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      boolean stringNeighbour =
          args.get(i) instanceof String || (i > 0 && args.get(i - 1) instanceof String);
      if (i > 0 && (line || !stringNeighbour)) {
        out.append(' ');
      }
      out.append(GoFormat.print(args.get(i)));
    }
    return line ? out.append('\n').toString() : out.toString();
  }

  static boolean equal(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Number && b instanceof Number) {
      return a instanceof Long && b instanceof Long
          ? a.equals(b)
          : ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    if (a instanceof List || a instanceof Map || b instanceof List || b instanceof Map) {
      throw new TemplateException("template: error calling eq: non-comparable type");
    }
    if (a.getClass() != b.getClass()) {
      throw new TemplateException("template: error calling eq: incompatible types for comparison");
    }
    return a.equals(b);
  }

  static int compare(Object a, Object b) {
    if (a instanceof Number && b instanceof Number) {
      return a instanceof Long && b instanceof Long
          ? Long.compare((Long) a, (Long) b)
          : Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
    if (a instanceof String && b instanceof String) {
      return ((String) a).compareTo((String) b);
    }
    throw new TemplateException(
        "template: incompatible types for comparison: "
            + GoFormat.typeName(a)
            + " and "
            + GoFormat.typeName(b));
  }

  /** JSON to template values: {@link GoValues#of}. */
  static Object fromJsonNode(JsonNode node) {
    return GoValues.of(node);
  }
}
