package io.caravan.controller.eventbus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.api.ArgoMappers;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stream settings published in {@code status.config.jetstream.streamConfig}: Argo's controller
 * defaults ({@code maxMsgs 50000, maxAge 168h, maxBytes -1, replicas 3, duplicates 300s}) with the
 * user's {@code streamConfig} YAML merged over them. Stream replicas never exceed the server
 * replicas.
 */
public final class StreamConfig {

  private StreamConfig() {}

  public static String resolve(JsonNode variant, int serverReplicas) {
    Map<String, Object> merged = new LinkedHashMap<>();
    merged.put("maxMsgs", 50000);
    merged.put("maxAge", "168h");
    merged.put("maxBytes", -1);
    merged.put("replicas", Math.min(3, Math.max(1, serverReplicas)));
    merged.put("duplicates", "300s");
    JsonNode user = variant == null ? null : variant.get("streamConfig");
    if (user != null && user.isTextual() && !user.asText().isBlank()) {
      try {
        JsonNode parsed = ArgoMappers.yaml().readTree(user.asText());
        if (!(parsed instanceof ObjectNode object)) {
          throw new IllegalArgumentException("streamConfig must be a YAML mapping");
        }
        object
            .fields()
            .forEachRemaining(
                e ->
                    merged.put(
                        e.getKey(), ArgoMappers.yaml().convertValue(e.getValue(), Object.class)));
      } catch (IOException e) {
        throw new IllegalArgumentException("streamConfig is not valid YAML: " + e.getMessage(), e);
      }
    }
    return ArgoMappers.toYaml(merged);
  }
}
