package io.caravan.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every model class. Fields the model does not know are kept, in input order, in {@link
 * #unknownFields()} (and written back on output), so nothing the user wrote is dropped.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ArgoObject {

  private final Map<String, JsonNode> unknownFields = new LinkedHashMap<>();

  /** Fields that neither Argo nor Caravan knows, keyed by their JSON name, in input order. */
  public Map<String, JsonNode> unknownFields() {
    return unknownFields;
  }

  /** Called by Jackson for every field without a property; subclasses may route known extras. */
  @JsonAnySetter
  public void putAdditionalField(String key, JsonNode value) {
    unknownFields.put(key, value);
  }

  /** Everything written after the declared properties: by default the unknown fields. */
  @JsonAnyGetter
  public Map<String, JsonNode> additionalFields() {
    return unknownFields;
  }
}
