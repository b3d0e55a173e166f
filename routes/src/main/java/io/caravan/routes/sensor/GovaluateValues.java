package io.caravan.routes.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** gjson {@code Result.Value()}: JSON as Go values (numbers float64, objects maps, arrays lists). */
final class GovaluateValues {
  private GovaluateValues() {}

  static Object of(JsonNode node) {
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
      List<Object> list = new ArrayList<>();
      node.forEach(e -> list.add(of(e)));
      return list;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), of(e.getValue())));
    return map;
  }
}
