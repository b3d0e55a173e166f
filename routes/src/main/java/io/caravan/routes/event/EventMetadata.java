package io.caravan.routes.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The {@code metadata} option of event sources: JSON object text, copied into each event's data.
 */
public final class EventMetadata {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EventMetadata() {}

  /** Parses the option; empty or absent gives an empty object. {@code where} names the endpoint. */
  public static ObjectNode parse(String text, String where) {
    if (text == null || text.isBlank()) {
      return MAPPER.createObjectNode();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          where + ": metadata is not valid JSON: " + e.getClass().getSimpleName(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(where + ": metadata must be a JSON object");
    }
    return (ObjectNode) node;
  }
}
