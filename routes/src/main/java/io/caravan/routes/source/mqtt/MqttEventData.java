package io.caravan.routes.source.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * Argo's mqtt event data (inventory §2.3, {@code MQTTEventData}): {@code topic}, {@code messageId}
 * (the packet identifier: 0 at QoS 0), {@code body} (raw JSON with {@code jsonBody}, else a base64
 * string) and {@code metadata} (omitted when empty).
 */
final class MqttEventData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MqttEventData() {}

  static ObjectNode of(String topic, MqttMessage message, boolean jsonBody, ObjectNode metadata)
      throws NotJsonException {
    ObjectNode data = JSON.createObjectNode();
    data.put("topic", topic);
    data.put("messageId", message.getId());
    byte[] payload = message.getPayload() == null ? new byte[0] : message.getPayload();
    if (jsonBody) {
      data.set("body", json(payload));
    } else {
      data.put("body", Base64.getEncoder().encodeToString(payload));
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
