package io.caravan.routes.source.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Argo's redis event data (inventory §1.5.8, §2.3): {@code channel}, {@code pattern} (always empty:
 * Argo subscribes with SUBSCRIBE, not PSUBSCRIBE), {@code body} and {@code metadata} (omitted when
 * empty). Unlike the other broker sources the payload is a JSON <em>string</em> without {@code
 * jsonBody}; with it the payload is embedded as JSON, and a payload that is not JSON is refused.
 */
final class RedisEventData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RedisEventData() {}

  static ObjectNode of(String channel, String payload, boolean jsonBody, ObjectNode metadata)
      throws NotJsonException {
    ObjectNode data = JSON.createObjectNode();
    data.put("channel", channel);
    data.put("pattern", "");
    if (jsonBody) {
      data.set("body", json(payload));
    } else {
      data.put("body", payload);
    }
    if (metadata != null && !metadata.isEmpty()) {
      data.set("metadata", metadata.deepCopy());
    }
    return data;
  }

  private static JsonNode json(String payload) throws NotJsonException {
    try {
      JsonNode node = payload == null || payload.isEmpty() ? null : JSON.readTree(payload);
      if (node == null || node.isMissingNode()) {
        throw new NotJsonException("the payload is empty");
      }
      return node;
    } catch (IOException e) {
      throw new NotJsonException("the payload is not JSON (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** A payload that {@code jsonBody: true} cannot embed. */
  static final class NotJsonException extends Exception {
    NotJsonException(String message) {
      super(message);
    }
  }
}
