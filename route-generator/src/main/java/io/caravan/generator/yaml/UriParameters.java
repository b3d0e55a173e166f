package io.caravan.generator.yaml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Endpoint {@code parameters:} as Camel's YAML DSL needs them: it joins them into the endpoint URI
 * without encoding, so a value holding {@code &}, {@code +} or {@code %} is written {@code
 * RAW(value)}; other values stay as they are, to keep the routes readable.
 */
public final class UriParameters {

  private UriParameters() {}

  public static Map<String, Object> of(Map<String, Object> parameters) {
    Map<String, Object> safe = new LinkedHashMap<>();
    parameters.forEach((key, value) -> safe.put(key, raw(value)));
    return safe;
  }

  static Object raw(Object value) {
    if (value instanceof String text && needsRaw(text)) {
      return "RAW(" + text + ")";
    }
    return value;
  }

  private static boolean needsRaw(String text) {
    return text.indexOf('&') >= 0 || text.indexOf('+') >= 0 || text.indexOf('%') >= 0;
  }
}
