package io.caravan.routes.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as Argo Events puts it on the bus: a CloudEvents 1.0 event in structured JSON mode,
 * with {@code data} inline (inventory §2).
 *
 * @param id 32 lowercase hex characters (a UUID without dashes)
 * @param source the EventSource name
 * @param specversion always {@code 1.0}
 * @param type the source type, e.g. {@code webhook}, {@code calendar}
 * @param subject the event name (the key under the source type in the EventSource spec)
 * @param time dispatch time, RFC 3339
 * @param datacontenttype always {@code application/json}
 * @param data the source-specific payload, e.g. {@code {header, body, metadata}}
 */
public record ArgoEvent(
    String id,
    String source,
    String specversion,
    String type,
    String subject,
    String time,
    String datacontenttype,
    JsonNode data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String JSON = "application/json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public ArgoEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(subject, "subject");
  }

  /** A new event with a fresh id and the current time, as an EventSource dispatches it. */
  public static ArgoEvent create(String source, String subject, String type, JsonNode data) {
    return create(newId(), source, subject, type, data);
  }

  /**
   * A new event with the given id and the current time: for sources that can redeliver, whose id is
   * derived from the upstream position so the bus drops a redelivered copy.
   */
  public static ArgoEvent create(
      String id, String source, String subject, String type, JsonNode data) {
    return new ArgoEvent(
        id,
        source,
        SPEC_VERSION,
        type,
        subject,
        DateTimeFormatter.ISO_INSTANT.format(Instant.now()),
        JSON,
        data);
  }

  /** 32 lowercase hex characters: a random UUID without its dashes, as Argo makes them. */
  public static String newId() {
    UUID uuid = UUID.randomUUID();
    return String.format(
        "%016x%016x", uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
  }

  /** The CloudEvents context attributes as a JSON object (everything but {@code data}). */
  public ObjectNode context() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("datacontenttype", datacontenttype);
    node.put("id", id);
    node.put("source", source);
    node.put("specversion", specversion);
    node.put("subject", subject);
    node.put("time", time);
    node.put("type", type);
    return node;
  }

  /** Structured-mode CloudEvents JSON, the bytes that go on the bus. */
  public byte[] toJson() {
    ObjectNode node = context();
    node.set("data", data == null ? JsonNodeFactory.instance.nullNode() : data);
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads structured-mode CloudEvents JSON, as published by Caravan or by Argo Events. */
  public static ArgoEvent fromJson(byte[] json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("not a CloudEvents JSON object");
      }
      return new ArgoEvent(
          text(node, "id"),
          text(node, "source"),
          node.path("specversion").asText(SPEC_VERSION),
          text(node, "type"),
          text(node, "subject"),
          text(node, "time"),
          node.path("datacontenttype").asText(JSON),
          node.get("data"));
    } catch (IOException e) {
      throw new IllegalArgumentException("not a CloudEvents JSON object: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("CloudEvent has no '" + field + "'");
    }
    return value.asText();
  }
}
