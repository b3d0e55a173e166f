package io.caravan.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The subset of gjson (tidwall/gjson) paths that Argo manifests use, over Jackson trees: keys
 * separated by {@code .}, {@code \} escaping the next character ({@code a\.b} is the key {@code
 * a.b}), numeric array indexes ({@code items.0.name}), {@code #} for an array's length and {@code
 * items.#.name} to collect a key from every element, queries {@code items.#(name=="x").id} (first
 * match) and {@code items.#(n>1)#.id} (all matches), and array multipaths {@code [a,b.c]} (a JSON
 * array of the paths that exist). Keys may contain {@code -} and other plain characters.
 *
 * <p>Wildcards ({@code *}, {@code ?}), object multipaths ({@code {a,b}}), modifiers
 * ({@code @reverse}), literals ({@code !true}) and pipes ({@code |}) are not supported: a path
 * using them is rejected with {@link IllegalArgumentException} instead of being read differently.
 *
 * <p>The conversions {@link #text}, {@link #toFloat} and {@link #toBool} follow gjson's {@code
 * Result.String()}, {@code Float()} and {@code Bool()}.
 */
public final class GJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GJson() {}

  /** The value at {@code path}; empty when the path does not exist. A JSON {@code null} exists. */
  public static Optional<JsonNode> get(JsonNode root, String path) {
    if (root == null || root.isMissingNode() || path == null || path.isEmpty()) {
      return Optional.empty();
    }
    if (path.startsWith("[") && path.endsWith("]")) {
      ArrayNode results = NODES.arrayNode();
      for (String part : GJsonQuery.multipath(path.substring(1, path.length() - 1))) {
        get(root, part).ifPresent(results::add);
      }
      return Optional.of(results);
    }
    return Optional.ofNullable(walk(root, parse(path), 0));
  }

  /**
   * Splits a path into its keys, unescaping {@code \x}; rejects syntax outside the supported
   * subset.
   */
  static List<String> parse(String path) {
    char first = path.charAt(0);
    if (first == '@' || first == '[' || first == '{' || first == '!') {
      throw unsupported(path, "modifiers, object multipaths and literals");
    }
    List<String> keys = new ArrayList<>();
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' && i + 1 < path.length()) {
        key.append(path.charAt(++i));
      } else if (c == '.') {
        keys.add(key.toString());
        key.setLength(0);
      } else if (c == '*' || c == '?') {
        throw unsupported(path, "wildcards");
      } else if (c == '|') {
        throw unsupported(path, "pipes");
      } else if (c == '#'
          && i + 1 < path.length()
          && path.charAt(i + 1) == '('
          && key.length() == 0) {
        int close = closingParenthesis(path, i + 1);
        int end =
            close + 1 < path.length() && path.charAt(close + 1) == '#' ? close + 2 : close + 1;
        key.append(path, i, end);
        i = end - 1;
      } else {
        key.append(c);
      }
    }
    keys.add(key.toString());
    return keys;
  }

  private static int closingParenthesis(String path, int open) {
    int depth = 0;
    boolean quoted = false;
    for (int i = open; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("gjson path '" + path + "': unclosed query");
  }

  private static IllegalArgumentException unsupported(String path, String what) {
    return new IllegalArgumentException(
        "gjson path '" + path + "' uses " + what + ", which Caravan does not support");
  }

  private static JsonNode walk(JsonNode node, List<String> keys, int from) {
    JsonNode current = node;
    for (int i = from; i < keys.size(); i++) {
      String key = keys.get(i);
      if (current.isArray() && key.startsWith("#(")) {
        boolean all = key.endsWith(")#");
        GJsonQuery query = GJsonQuery.parse(key.substring(2, key.length() - (all ? 2 : 1)), key);
        ArrayNode collected = NODES.arrayNode();
        for (JsonNode element : current) {
          if (query.matches(element)) {
            if (!all) {
              return walk(element, keys, i + 1);
            }
            JsonNode found = walk(element, keys, i + 1);
            if (found != null) {
              collected.add(found);
            }
          }
        }
        return all ? collected : null;
      }
      if (current.isArray()) {
        if (key.equals("#")) {
          if (i == keys.size() - 1) {
            return NODES.numberNode(current.size());
          }
          ArrayNode collected = NODES.arrayNode();
          for (JsonNode element : current) {
            JsonNode found = walk(element, keys, i + 1);
            if (found != null) {
              collected.add(found);
            }
          }
          return collected;
        }
        int index = arrayIndex(key);
        if (index < 0 || index >= current.size()) {
          return null;
        }
        current = current.get(index);
      } else if (current.isObject()) {
        current = current.get(key);
        if (current == null) {
          return null;
        }
      } else {
        return null;
      }
    }
    return current;
  }

  private static int arrayIndex(String key) {
    if (key.isEmpty() || key.length() > 9) {
      return -1;
    }
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) < '0' || key.charAt(i) > '9') {
        return -1;
      }
    }
    return Integer.parseInt(key);
  }

  /**
   * gjson's string form: strings unquoted, integers as written, other numbers in shortest plain
   * decimal ({@code 1.0} → {@code 1}, {@code 1.50} → {@code 1.5}), {@code true}/{@code false},
   * {@code null} → "", objects and arrays as compact JSON text (gjson keeps the original spacing;
   * Jackson does not).
   */
  public static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "";
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().toString();
    }
    if (node.isNumber()) {
      return GoFormat.formatFloatPlain(node.doubleValue());
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? "true" : "false";
    }
    return node.toString();
  }

  /** Go {@code strconv.ParseFloat(s, 64)}: the number, or empty on a syntax error. */
  public static Optional<Double> parseFloat(String s) {
    return Optional.ofNullable(GoFormat.parseFloat(s));
  }

  /** Go {@code strconv.ParseBool}: 1 t T TRUE true True / 0 f F FALSE false False, else empty. */
  public static Optional<Boolean> parseBool(String s) {
    return Optional.ofNullable(GoFormat.parseBool(s));
  }

  /**
   * gjson {@code Float()}: numbers as is, strings parsed (0 when unparsable), true 1, all else 0.
   */
  public static double toFloat(JsonNode node) {
    if (node == null) {
      return 0;
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      Double parsed = GoFormat.parseFloat(node.textValue());
      return parsed == null ? 0 : parsed;
    }
    return node.isBoolean() && node.booleanValue() ? 1 : 0;
  }

  /** gjson {@code Bool()}: booleans as is, strings lower-cased then ParseBool'd, numbers != 0. */
  public static boolean toBool(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      Boolean parsed = GoFormat.parseBool(node.textValue().toLowerCase(java.util.Locale.ROOT));
      return parsed != null && parsed;
    }
    return node.isNumber() && node.doubleValue() != 0;
  }
}
