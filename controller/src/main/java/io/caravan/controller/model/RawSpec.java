package io.caravan.controller.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A spec kept exactly as the user wrote it. The controller never interprets it directly: it hands
 * the whole object to {@code api}'s {@code ManifestReader}, so the controller, {@code caravan
 * validate} and the admission webhook read manifests the same way.
 */
public class RawSpec {

  private final Map<String, Object> fields = new LinkedHashMap<>();

  @JsonAnyGetter
  public Map<String, Object> getFields() {
    return fields;
  }

  @JsonAnySetter
  public void set(String key, Object value) {
    fields.put(key, value);
  }

  /** The field's value, or null. */
  public Object get(String key) {
    return fields.get(key);
  }
}
