package io.caravan.routes.sensor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.api.ArgoMappers;
import io.caravan.routes.event.ArgoEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Loads the YAML case files under {@code semantics/} and builds the objects they describe. */
final class SemanticsCases {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private SemanticsCases() {}

  static Stream<Arguments> load(String resource) {
    return read(resource).stream().map(c -> Arguments.of(c.get("name"), c));
  }

  /** The cases of one file under {@code semantics/}, in file order. */
  static List<Map<String, Object>> read(String resource) {
    try (InputStream in = SemanticsCases.class.getResourceAsStream("/semantics/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource semantics/" + resource);
      }
      return YAML.readValue(in, new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String yaml(Object value) {
    return ArgoMappers.toYaml(value);
  }

  @SuppressWarnings("unchecked")
  static ArgoEvent event(Object spec) {
    Map<String, Object> e = spec == null ? Map.of() : (Map<String, Object>) spec;
    Object data = e.get("data");
    JsonNode node;
    try {
      node = data == null ? null : JSON.readTree((String) data);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return new ArgoEvent(
        String.valueOf(e.getOrDefault("id", "1")),
        (String) e.getOrDefault("source", "webhook-gateway"),
        "1.0",
        (String) e.getOrDefault("type", "webhook"),
        (String) e.getOrDefault("subject", "example-1"),
        (String) e.getOrDefault("time", "2026-11-22T16:36:34Z"),
        (String) e.getOrDefault("datacontenttype", ArgoEvent.JSON),
        node);
  }
}
