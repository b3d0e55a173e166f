package io.caravan.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets a value at a path with sjson (tidwall/sjson) semantics, as Argo writes trigger parameters'
 * {@code dest}: keys separated by {@code .}, {@code \} escaping the next character; missing
 * intermediates are created (an array when the next key is a number or {@code -1}, else an object);
 * a number on an existing array sets that index (padding with {@code null}), {@code -1} appends; on
 * an object a number is a plain key; a leading {@code :} forces a key ({@code a.:1} → {@code
 * {"a":{"1":…}}}). A scalar in the way is replaced. Wildcards are rejected, as sjson does.
 */
public final class SJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SJson() {}

  /**
   * Sets {@code value} at {@code path} and returns the resulting root. {@code root} is modified in
   * place when it is an object or array of the right kind; pass a copy to keep the original.
   *
   * @throws IllegalArgumentException for an empty path, a wildcard, or a key on an existing array
   */
  public static JsonNode set(JsonNode root, String path, JsonNode value) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("sjson path is empty");
    }
    return set(root, parse(path), 0, value == null ? NODES.nullNode() : value, path);
  }

  private static List<String> parse(String path) {
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
        throw new IllegalArgumentException("sjson path '" + path + "' has a wildcard");
      } else {
        key.append(c);
      }
    }
    keys.add(key.toString());
    return keys;
  }

  private static JsonNode set(
      JsonNode node, List<String> keys, int i, JsonNode value, String path) {
    String key = keys.get(i);
    boolean forcedKey = key.startsWith(":");
    boolean last = i == keys.size() - 1;
    if (node instanceof ObjectNode
        || forcedKey
        || (!(node instanceof ArrayNode) && !isIndex(key))) {
      String name = forcedKey ? key.substring(1) : key;
      ObjectNode object = node instanceof ObjectNode ? (ObjectNode) node : NODES.objectNode();
      object.set(name, last ? value : set(object.get(name), keys, i + 1, value, path));
      return object;
    }
    if (!isIndex(key)) {
      throw new IllegalArgumentException(
          "sjson path '" + path + "': key '" + key + "' cannot be set on an array");
    }
    ArrayNode array = node instanceof ArrayNode ? (ArrayNode) node : NODES.arrayNode();
    int index = key.equals("-1") ? array.size() : Integer.parseInt(key);
    while (array.size() < index) {
      array.addNull();
    }
    JsonNode child = index < array.size() ? array.get(index) : null;
    JsonNode updated = last ? value : set(child, keys, i + 1, value, path);
    if (index < array.size()) {
      array.set(index, updated);
    } else {
      array.add(updated);
    }
    return array;
  }

  private static boolean isIndex(String key) {
    if (key.equals("-1")) {
      return true;
    }
    if (key.isEmpty() || key.length() > 7) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) < '0' || key.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
