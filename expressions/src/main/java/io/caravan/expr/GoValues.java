package io.caravan.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as the Go values Argo's expression languages see (gjson's {@code Result.Value()}, a decoded
 * {@code interface{}}): objects → Map (key order kept), arrays → List, numbers → Double (float64),
 * strings, booleans, null → null. Shared by govaluate {@code exprs}, expr-lang filters and Go
 * templates.
 */
public final class GoValues {
  private GoValues() {}

  public static Object of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(e -> list.add(of(e)));
      return list;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), of(e.getValue())));
      return map;
    }
    return node.asText();
  }
}
