package io.caravan.routes.source.amqp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Date;

/**
 * Argo's amqp event data (inventory §2.3, {@code AMQPEventData}): the message's properties, each
 * present with Go's zero value when the message has none ({@code ""}, {@code 0}), {@code timestamp}
 * as Go's {@code time.Time.String()} in UTC (the zero time {@code 0001-01-01 00:00:00 +0000 UTC}
 * when unset), the delivery's {@code exchange} and {@code routingKey}, {@code body} (raw JSON with
 * {@code jsonBody}, else a base64 string) and {@code metadata} (omitted when empty).
 */
final class AmqpEventData {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter GO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '+0000 UTC'").withZone(ZoneOffset.UTC);
  static final String ZERO_TIME = "0001-01-01 00:00:00 +0000 UTC";

  private AmqpEventData() {}

  static ObjectNode of(
      Envelope envelope,
      AMQP.BasicProperties properties,
      byte[] body,
      boolean jsonBody,
      ObjectNode metadata)
      throws NotJsonException {
    AMQP.BasicProperties p = properties == null ? new AMQP.BasicProperties() : properties;
    ObjectNode data = JSON.createObjectNode();
    data.put("contentType", text(p.getContentType()));
    data.put("contentEncoding", text(p.getContentEncoding()));
    data.put("deliveryMode", p.getDeliveryMode() == null ? 0 : p.getDeliveryMode());
    data.put("priority", p.getPriority() == null ? 0 : p.getPriority());
    data.put("correlationId", text(p.getCorrelationId()));
    data.put("replyTo", text(p.getReplyTo()));
    data.put("expiration", text(p.getExpiration()));
    data.put("messageId", text(p.getMessageId()));
    data.put("timestamp", goTime(p.getTimestamp()));
    data.put("type", text(p.getType()));
    data.put("appId", text(p.getAppId()));
    data.put("exchange", envelope.getExchange());
    data.put("routingKey", envelope.getRoutingKey());
    byte[] payload = body == null ? new byte[0] : body;
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

  /** Go's {@code time.Time.String()} of an AMQP timestamp (whole seconds) in UTC. */
  static String goTime(Date timestamp) {
    if (timestamp == null) {
      return ZERO_TIME;
    }
    return GO_TIME.format(Instant.ofEpochSecond(timestamp.getTime() / 1000));
  }

  private static String text(String value) {
    return value == null ? "" : value;
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
