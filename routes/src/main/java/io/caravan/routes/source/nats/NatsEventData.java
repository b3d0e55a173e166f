package io.caravan.routes.source.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.util.Base64;

/**
 * Argo's nats event data (inventory §2.3): {@code subject}, {@code body}, {@code header} (the
 * message's NATS headers, each a list of values; omitted when there are none) and {@code metadata}
 * (omitted when empty). With {@code jsonBody} the payload is embedded as JSON, and a payload that
 * is not JSON is refused; otherwise it is a base64 string, as Go writes bytes.
 */
final class NatsEventData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private NatsEventData() {}

  /** The event data; {@link NotJsonException} when {@code jsonBody} and the payload is not JSON. */
  static ObjectNode of(Message message, boolean jsonBody, ObjectNode metadata)
      throws NotJsonException {
    ObjectNode data = JSON.createObjectNode();
    data.put("subject", message.getSubject());
    byte[] payload = message.getData() == null ? new byte[0] : message.getData();
    if (jsonBody) {
      data.set("body", json(payload));
    } else {
      data.put("body", Base64.getEncoder().encodeToString(payload));
    }
    Headers headers = message.getHeaders();
    if (headers != null && !headers.isEmpty()) {
      ObjectNode header = data.putObject("header");
      for (String key : headers.keySet()) {
        ArrayNode values = header.putArray(key);
        headers.get(key).forEach(values::add);
      }
    }
    if (metadata != null && !metadata.isEmpty()) {
      data.set("metadata", metadata.deepCopy());
    }
    return data;
  }

  private static JsonNode json(byte[] payload) throws NotJsonException {
    try {
      JsonNode node = payload.length == 0 ? null : JSON.readTree(payload);
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
