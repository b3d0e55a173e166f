package io.caravan.routes.source.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one resource event has announced, kept across restarts: when it first started (the {@code
 * afterStart} reference), the last resourceVersion of a complete list or watch, the kind of the
 * objects, and a compact snapshot of every watched object ({@code namespace/name} → {@code uid
 * resourceVersion}). Saved as compact JSON text after each event the bus stored.
 */
final class ResourceProgress {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One object as last announced. */
  record Seen(String uid, String resourceVersion) {}

  private final Instant startedAt;
  private final Map<String, Seen> objects;
  private String resourceVersion;
  private String kind;

  ResourceProgress(Instant startedAt) {
    this(startedAt, null, null, new TreeMap<>());
  }

  private ResourceProgress(
      Instant startedAt, String resourceVersion, String kind, Map<String, Seen> objects) {
    this.startedAt = startedAt;
    this.resourceVersion = resourceVersion;
    this.kind = kind;
    this.objects = objects;
  }

  Instant startedAt() {
    return startedAt;
  }

  /** The resourceVersion the last complete list (or the watch after it) reached, or null. */
  String resourceVersion() {
    return resourceVersion;
  }

  void resourceVersion(String resourceVersion) {
    this.resourceVersion = resourceVersion;
  }

  String kind() {
    return kind;
  }

  void kind(String kind) {
    if (kind != null && !kind.isBlank()) {
      this.kind = kind;
    }
  }

  Map<String, Seen> objects() {
    return objects;
  }

  String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("startedAt", startedAt.toString());
    if (resourceVersion != null) {
      root.put("resourceVersion", resourceVersion);
    }
    if (kind != null) {
      root.put("kind", kind);
    }
    ObjectNode seen = root.putObject("objects");
    objects.forEach((key, value) -> seen.put(key, value.uid() + " " + value.resourceVersion()));
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ResourceProgress fromJson(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("saved progress is not JSON: " + e.getMessage(), e);
    }
    Map<String, Seen> objects = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = root.path("objects").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String[] parts = field.getValue().asText().split(" ", 2);
      objects.put(field.getKey(), new Seen(parts[0], parts.length > 1 ? parts[1] : ""));
    }
    return new ResourceProgress(
        Instant.parse(root.path("startedAt").asText(Instant.now().toString())),
        root.path("resourceVersion").asText(null),
        root.path("kind").asText(null),
        objects);
  }
}
