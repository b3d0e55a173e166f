package io.caravan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ArgoMappers;
import io.caravan.expr.GoDuration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bus settings a pod gets from its environment (set by the controller from the EventBus
 * status), as {@code camel.component.eventbus.*} properties:
 *
 * <ul>
 *   <li>{@code CARAVAN_BUS_USERNAME} / {@code CARAVAN_BUS_PASSWORD}, or {@code
 *       CARAVAN_BUS_AUTH_FILE}: a mounted file in Argo's {@code client-auth} format ({@code
 *       username: …} and {@code password: …} YAML);
 *   <li>{@code CARAVAN_BUS_STREAM_CONFIG}: Argo's {@code streamConfig} YAML ({@code maxMsgs},
 *       {@code maxAge}, {@code maxBytes}, {@code replicas}, {@code duplicates}; durations in Go
 *       syntax such as {@code 168h}).
 * </ul>
 */
final class BusEnvironment {

  private static final String PREFIX = "camel.component.eventbus.";
  private static final Map<String, String> STREAM_KEYS =
      Map.of(
          "maxMsgs", "streamMaxMsgs",
          "maxAge", "streamMaxAge",
          "maxBytes", "streamMaxBytes",
          "replicas", "streamReplicas",
          "duplicates", "streamDuplicates");

  private BusEnvironment() {}

  static Map<String, String> properties(Map<String, String> env) throws IOException {
    Map<String, String> properties = new LinkedHashMap<>();
    String username = env.get("CARAVAN_BUS_USERNAME");
    String password = env.getOrDefault("CARAVAN_BUS_PASSWORD", "");
    String authFile = env.get("CARAVAN_BUS_AUTH_FILE");
    if ((username == null || username.isBlank()) && authFile != null && !authFile.isBlank()) {
      JsonNode auth = ArgoMappers.yaml().readTree(Files.readString(Path.of(authFile)));
      if (auth == null || !auth.hasNonNull("username")) {
        throw new IOException("bus auth file " + authFile + " has no 'username'");
      }
      username = auth.get("username").asText();
      password = auth.path("password").asText("");
    }
    if (username != null && !username.isBlank()) {
      properties.put(PREFIX + "username", username);
      properties.put(PREFIX + "password", password);
    }
    String stream = env.get("CARAVAN_BUS_STREAM_CONFIG");
    if (stream != null && !stream.isBlank()) {
      JsonNode config = ArgoMappers.yaml().readTree(stream);
      if (config != null && config.isObject()) {
        config
            .fields()
            .forEachRemaining(
                e -> {
                  String key = STREAM_KEYS.get(e.getKey());
                  if (key != null) {
                    String value = e.getValue().asText();
                    // Durations as milliseconds: Camel's property conversion reads "604800000" but
                    // not ISO "PT168H".
                    properties.put(
                        PREFIX + key,
                        key.equals("streamMaxAge") || key.equals("streamDuplicates")
                            ? String.valueOf(GoDuration.parse(value).toMillis())
                            : value);
                  }
                });
      }
    }
    return properties;
  }
}
