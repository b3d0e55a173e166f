package io.caravan.routes.source.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The part of gjson's path syntax that Argo's resource field filters use: dot-separated keys with
 * {@code \.} escapes, array indexes ({@code spec.containers.0.image}), {@code #} for an array's
 * length and {@code *}/{@code ?} wildcards in keys (the first matching key wins, as in gjson).
 */
final class GjsonPath {
  private GjsonPath() {}

  /** The node at {@code path}, or null when it does not exist. */
  static JsonNode find(JsonNode root, String path) {
    JsonNode current = root;
    for (String part : split(path)) {
      if (current == null) {
        return null;
      }
      if (current.isArray()) {
        if (part.equals("#")) {
          current = JsonNodeFactory.instance.numberNode(current.size());
        } else if (part.matches("\\d+")) {
          current = current.get(Integer.parseInt(part));
        } else {
          return null;
        }
      } else if (current.isObject()) {
        current =
            part.contains("*") || part.contains("?") ? wildcard(current, part) : current.get(part);
      } else {
        return null;
      }
    }
    return current;
  }

  /** What Argo matches the regular expression against: a string's value, else the empty string. */
  static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : "";
  }

  private static JsonNode wildcard(JsonNode object, String pattern) {
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (matches(pattern, 0, field.getKey(), 0)) {
        return field.getValue();
      }
    }
    return null;
  }

  private static boolean matches(String pattern, int p, String text, int t) {
    if (p == pattern.length()) {
      return t == text.length();
    }
    char c = pattern.charAt(p);
    if (c == '*') {
      for (int i = t; i <= text.length(); i++) {
        if (matches(pattern, p + 1, text, i)) {
          return true;
        }
      }
      return false;
    }
    return t < text.length()
        && (c == '?' || c == text.charAt(t))
        && matches(pattern, p + 1, text, t + 1);
  }

  private static List<String> split(String path) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '\\' && i + 1 < path.length()) {
        part.append(path.charAt(++i));
      } else if (c == '.') {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    return parts;
  }
}
