package io.caravan.generator.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds insertion-ordered maps for generated YAML (never {@code Map.of}: its order varies). */
public final class Ordered {

  private Ordered() {}

  /** A map of alternating keys and values; entries whose value is null are left out. */
  public static Map<String, Object> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        map.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return map;
  }

  /**
   * A copy of a route's {@code from} map with {@code steps} added: Camel's YAML DSL wants a route's
   * steps nested under {@code from}.
   */
  public static Map<String, Object> withSteps(Map<String, Object> from, List<Object> steps) {
    Map<String, Object> copy = new LinkedHashMap<>(from);
    copy.put("steps", steps);
    return copy;
  }
}
