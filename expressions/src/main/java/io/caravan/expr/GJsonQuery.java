package io.caravan.expr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * gjson's array queries, the {@code #(…)} path component: {@code #(key==value)} selects the first
 * element whose {@code key} (a gjson path, empty for the element itself) compares to the JSON
 * literal {@code value} with {@code == != < <= > >=}, {@code %} (like: {@code *} and {@code ?}
 * wildcards) or {@code !%}; {@code #(key)} selects the first element where {@code key} exists. Also
 * splits a {@code [a,b]} multipath into its paths.
 */
final class GJsonQuery {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] OPERATORS = {"==", "!=", "<=", ">=", "!%", "<", ">", "%", "="};

  private final String key;
  private final String operator;
  private final JsonNode value;

  private GJsonQuery(String key, String operator, JsonNode value) {
    this.key = key;
    this.operator = operator;
    this.value = value;
  }

  /** The query inside {@code #(…)}. */
  static GJsonQuery parse(String condition, String path) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < condition.length(); i++) {
      char c = condition.charAt(i);
      if (c == '"' && (i == 0 || condition.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && (c == '(' || c == '[')) {
        depth++;
      } else if (!quoted && (c == ')' || c == ']')) {
        depth--;
      } else if (!quoted && depth == 0) {
        for (String op : OPERATORS) {
          if (condition.startsWith(op, i)) {
            String literal = condition.substring(i + op.length()).trim();
            JsonNode value;
            try {
              value = JSON.readTree(literal);
            } catch (JsonProcessingException e) {
              throw new IllegalArgumentException(
                  "gjson path '" + path + "': query value '" + literal + "' is not a JSON literal");
            }
            return new GJsonQuery(
                condition.substring(0, i).trim(), op.equals("=") ? "==" : op, value);
          }
        }
      }
    }
    return new GJsonQuery(condition.trim(), null, null);
  }

  boolean matches(JsonNode element) {
    Optional<JsonNode> found = key.isEmpty() ? Optional.of(element) : GJson.get(element, key);
    if (operator == null) {
      return found.isPresent();
    }
    if (found.isEmpty()) {
      return false;
    }
    JsonNode actual = found.get();
    int c;
    if (value.isTextual() && actual.isTextual()) {
      if (operator.equals("%") || operator.equals("!%")) {
        return like(actual.textValue(), value.textValue()) == operator.equals("%");
      }
      c = actual.textValue().compareTo(value.textValue());
    } else if (value.isNumber() && actual.isNumber()) {
      c = Double.compare(actual.doubleValue(), value.doubleValue());
    } else if (value.isBoolean() && actual.isBoolean()) {
      c = Boolean.compare(actual.booleanValue(), value.booleanValue());
    } else {
      return operator.equals("!=");
    }
    return switch (operator) {
      case "==" -> c == 0;
      case "!=" -> c != 0;
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      default -> false;
    };
  }

  private static boolean like(String text, String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char ch : pattern.toCharArray()) {
      regex.append(
          ch == '*' ? ".*" : ch == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(ch)));
    }
    return text.matches(regex.toString());
  }

  /** The paths of a {@code [a,b,…]} multipath, split at top-level commas; empty ones are kept. */
  static List<String> multipath(String inner) {
    List<String> paths = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
        depth++;
      } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        paths.add(inner.substring(start, i));
        start = i + 1;
      }
    }
    paths.add(inner.substring(start));
    return paths;
  }
}
