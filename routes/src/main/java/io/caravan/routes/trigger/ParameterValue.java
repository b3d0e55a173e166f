package io.caravan.routes.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A resolved trigger parameter value: its text and, for a value read by key, gjson's type of it
 * ({@code String}, {@code Number}, {@code True}, {@code False}, {@code Null} or {@code JSON}) and
 * the JSON itself. Templates, default values and whole events are always {@code String}.
 */
public record ParameterValue(String text, String type, JsonNode json) {
  static final String STRING = "String";

  static ParameterValue string(String text) {
    return new ParameterValue(text, STRING, TextNode.valueOf(text));
  }

  boolean isString() {
    return STRING.equals(type);
  }

  /**
   * What gets written: raw JSON when {@code useRawData} and the value is not a string, else a
   * string.
   */
  JsonNode toWrite(boolean useRawData) {
    return useRawData && !isString() ? json.deepCopy() : TextNode.valueOf(text);
  }
}
