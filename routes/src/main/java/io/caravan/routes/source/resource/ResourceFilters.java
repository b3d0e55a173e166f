package io.caravan.routes.source.resource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argo's client-side filters of a resource event ({@code passFilters}, inventory §1.5.3): name
 * {@code prefix}, {@code afterStart} (the event's time against the start), {@code createdBy}, and
 * the {@code fields} (gjson path, unanchored RE2 regular expression, operation {@code =}/{@code ==}
 * or {@code !=}; any other, the empty one included, drops the event).
 */
final class ResourceFilters {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceFilters.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String prefix;
  private final Instant createdBy;
  private final Instant startedAt;
  private final List<Map<String, String>> fields;

  ResourceFilters(String prefix, String createdBy, Instant startedAt, String fields) {
    this.prefix = prefix == null ? "" : prefix;
    this.createdBy =
        createdBy == null || createdBy.isBlank()
            ? null
            : OffsetDateTime.parse(createdBy).toInstant();
    this.startedAt = startedAt;
    this.fields = parseFields(fields);
  }

  /** Whether an event of {@code type} about {@code object} passes (ADD, UPDATE, DELETE). */
  boolean pass(String type, JsonNode object) {
    JsonNode metadata = object.path("metadata");
    if (!prefix.isEmpty() && !metadata.path("name").asText("").startsWith(prefix)) {
      return false;
    }
    if (startedAt != null && eventTime(type, metadata).isBefore(startedAt)) {
      return false;
    }
    Instant created = time(metadata.path("creationTimestamp"));
    if (createdBy != null && created != null && created.isAfter(createdBy)) {
      return false;
    }
    for (Map<String, String> field : fields) {
      if (!passField(object, field)) {
        return false;
      }
    }
    return true;
  }

  private static boolean passField(JsonNode object, Map<String, String> field) {
    JsonNode found = GjsonPath.find(object, field.getOrDefault("key", ""));
    if (found == null) {
      return false;
    }
    boolean match;
    try {
      match =
          Pattern.compile(field.getOrDefault("value", "")).matcher(GjsonPath.text(found)).find();
    } catch (PatternSyntaxException e) {
      LOG.error("invalid regex in a resource field filter: {}", e.getMessage());
      return false;
    }
    return switch (field.getOrDefault("operation", "")) {
      case "=", "==" -> match;
      case "!=" -> !match;
      default -> {
        LOG.error("invalid operator, only =, == and != are supported");
        yield false;
      }
    };
  }

  /**
   * Argo's event time: ADD the creation time, DELETE the deletion timestamp or now, UPDATE the
   * latest {@code Update} managedFields time (else the creation time).
   */
  static Instant eventTime(String type, JsonNode metadata) {
    Instant created = time(metadata.path("creationTimestamp"));
    Instant zero = created == null ? Instant.EPOCH : created;
    switch (type) {
      case "DELETE":
        Instant deleted = time(metadata.path("deletionTimestamp"));
        return deleted != null ? deleted : Instant.now();
      case "UPDATE":
        Instant latest = zero;
        for (JsonNode managed : metadata.path("managedFields")) {
          Instant at = time(managed.path("time"));
          if ("Update".equals(managed.path("operation").asText())
              && at != null
              && at.isAfter(latest)) {
            latest = at;
          }
        }
        return latest;
      default:
        return zero;
    }
  }

  private static Instant time(JsonNode value) {
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.asText()).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static List<Map<String, String>> parseFields(String fields) {
    if (fields == null || fields.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(fields, new TypeReference<List<Map<String, String>>>() {});
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "fields must be a JSON array of {key, operation, value}", e);
    }
  }
}
