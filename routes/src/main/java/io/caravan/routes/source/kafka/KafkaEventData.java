package io.caravan.routes.source.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Argo's kafka event data (inventory §2.3): {@code topic}, {@code key} (text), {@code partition},
 * {@code body} (raw JSON with {@code jsonBody}, else a base64 string), {@code timestamp} (Go's
 * {@code time.Time.String()} in UTC, e.g. {@code 2026-12-07 10:00:00.123 +0000 UTC}), {@code
 * headers} (name → text value, the last value of a repeated name) and {@code metadata} (omitted
 * when empty).
 */
final class KafkaEventData {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private KafkaEventData() {}

  static ObjectNode of(ConsumerRecord<byte[], byte[]> record, boolean jsonBody, ObjectNode metadata)
      throws NotJsonException {
    ObjectNode data = JSON.createObjectNode();
    data.put("topic", record.topic());
    data.put("key", record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8));
    data.put("partition", record.partition());
    byte[] value = record.value() == null ? new byte[0] : record.value();
    if (jsonBody) {
      data.set("body", json(value));
    } else if (record.value() == null) {
      data.putNull("body");
    } else {
      data.put("body", Base64.getEncoder().encodeToString(value));
    }
    data.put("timestamp", goTime(Instant.ofEpochMilli(record.timestamp())));
    Map<String, String> headers = new TreeMap<>();
    for (Header header : record.headers()) {
      headers.put(
          header.key(),
          header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
    }
    ObjectNode headersNode = data.putObject("headers");
    headers.forEach(headersNode::put);
    if (metadata != null && !metadata.isEmpty()) {
      data.set("metadata", metadata.deepCopy());
    }
    return data;
  }

  /** Go's {@code time.Time.String()} of a UTC time: fraction without trailing zeros. */
  static String goTime(Instant instant) {
    StringBuilder out = new StringBuilder(SECONDS.format(instant));
    int nanos = instant.getNano();
    if (nanos != 0) {
      String fraction = String.format("%09d", nanos).replaceAll("0+$", "");
      out.append('.').append(fraction);
    }
    return out.append(" +0000 UTC").toString();
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
