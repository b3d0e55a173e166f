package io.caravan.routes.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.ArgoEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What an AND-trigger remembers between events: the latest accepted event per dependency, when each
 * was stored, and the definition (hash of the trigger's conditions and dependencies) the state was
 * built under. Immutable; every change returns a new state. Serialised as JSON for the JetStream KV
 * bucket: {@code {"definition": "...", "events": {"<dependency>": {"storedAt": "<RFC 3339>",
 * "event": {...}}}}}.
 *
 * @param definition the definition hash of the trigger that stored the events ({@code ""}: unknown)
 * @param events dependency → its latest event, in insertion order
 */
public record CorrelationState(String definition, Map<String, StoredEvent> events) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One stored event and when it was stored. */
  public record StoredEvent(ArgoEvent event, Instant storedAt) {
    public StoredEvent {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(storedAt, "storedAt");
    }
  }

  public CorrelationState {
    definition = definition == null ? "" : definition;
    events = Collections.unmodifiableMap(new LinkedHashMap<>(events));
  }

  public static CorrelationState empty(String definition) {
    return new CorrelationState(definition, Map.of());
  }

  public boolean isEmpty() {
    return events.isEmpty();
  }

  /**
   * This state when it was built under {@code current}, else an empty state for {@code current}.
   */
  public CorrelationState forDefinition(String current) {
    return definition.equals(current == null ? "" : current) ? this : empty(current);
  }

  /** Without the events for which {@code expired} holds (e.g. stored before a conditions reset). */
  public CorrelationState without(Predicate<StoredEvent> expired) {
    Map<String, StoredEvent> kept = new LinkedHashMap<>(events);
    kept.values().removeIf(expired);
    return kept.size() == events.size() ? this : new CorrelationState(definition, kept);
  }

  /** With {@code event} as the latest of {@code dependency}, replacing an older one. */
  public CorrelationState with(String dependency, ArgoEvent event, Instant storedAt) {
    Map<String, StoredEvent> next = new LinkedHashMap<>(events);
    next.remove(dependency);
    next.put(dependency, new StoredEvent(event, storedAt));
    return new CorrelationState(definition, next);
  }

  /** Dependency → event, without the storage times. */
  public Map<String, ArgoEvent> eventsByDependency() {
    Map<String, ArgoEvent> out = new LinkedHashMap<>();
    events.forEach((dependency, stored) -> out.put(dependency, stored.event()));
    return out;
  }

  public byte[] toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("definition", definition);
    ObjectNode byDependency = root.putObject("events");
    events.forEach(
        (dependency, stored) -> {
          ObjectNode entry = byDependency.putObject(dependency);
          entry.put("storedAt", stored.storedAt().toString());
          try {
            entry.set("event", JSON.readTree(stored.event().toJson()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws IllegalArgumentException when the bytes are not a state written by {@link #toJson()}
   */
  public static CorrelationState fromJson(byte[] json) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("correlation state is not a JSON object");
      }
      Map<String, StoredEvent> events = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = root.path("events").fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode entry = field.getValue();
        ArgoEvent event = ArgoEvent.fromJson(JSON.writeValueAsBytes(entry.path("event")));
        events.put(
            field.getKey(), new StoredEvent(event, Instant.parse(entry.path("storedAt").asText())));
      }
      return new CorrelationState(root.path("definition").asText(""), events);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("unreadable correlation state: " + e.getMessage(), e);
    }
  }
}
