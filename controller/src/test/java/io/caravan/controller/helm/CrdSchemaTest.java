package io.caravan.controller.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.api.Manifest;
import io.caravan.api.testing.TestManifests;
import io.caravan.controller.MockCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chart's CRD schemas accept every Argo example, and still reject what they type. The check is
 * a small structural validator covering the OpenAPI keywords the CRDs use (type, properties,
 * required, items, additionalProperties, enum, minimum, x-kubernetes-preserve-unknown-fields,
 * x-kubernetes-int-or-string).
 */
class CrdSchemaTest {

  private static final Map<String, String> FILES =
      Map.of(
          "EventSource",
          "eventsources.yaml",
          "Sensor",
          "sensors.yaml",
          "EventBus",
          "eventbus.yaml");

  private static JsonNode schema(String kind) throws IOException {
    JsonNode crd =
        new YAMLMapper()
            .readTree(
                MockCluster.chartDir().resolve("files/crds").resolve(FILES.get(kind)).toFile());
    return crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema");
  }

  @Test
  void everyArgoExamplePassesTheSchema() throws IOException {
    String dir = System.getProperty("caravan.conformance.dir", "");
    assumeTrue(
        !dir.isEmpty() && Files.isDirectory(Path.of(dir)),
        "Argo's examples are not present at '"
            + dir
            + "' (shared/conformance/argo-examples beside the repository)");
    int checked = 0;
    for (Manifest manifest : TestManifests.read(Path.of(dir))) {
      if (manifest.raw() == null || !FILES.containsKey(manifest.kind())) {
        continue;
      }
      List<String> problems = new ArrayList<>();
      validate(schema(manifest.kind()), manifest.raw(), "", problems);
      assertThat(problems).as(manifest.location()).isEmpty();
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void typedFieldsAreChecked() throws IOException {
    JsonNode bad =
        new YAMLMapper()
            .readTree(
                """
        apiVersion: argoproj.io/v1alpha1
        kind: Sensor
        metadata: {name: s}
        spec:
          replicas: two
          dependencies:
            - name: d
              eventName: e
          triggers:
            - {}
        """);
    List<String> problems = new ArrayList<>();
    validate(schema("Sensor"), bad, "", problems);
    assertThat(problems)
        .containsExactlyInAnyOrder(
            "spec.replicas: expected integer",
            "spec.dependencies[0]: eventSourceName is required",
            "spec.triggers[0]: template is required");
    List<String> missingSpec = new ArrayList<>();
    validate(
        schema("EventSource"),
        new YAMLMapper().readTree("{apiVersion: v, kind: EventSource}"),
        "",
        missingSpec);
    assertThat(missingSpec).containsExactly(": spec is required");
  }

  static void validate(JsonNode schema, JsonNode value, String path, List<String> problems) {
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (!value.isIntegralNumber() && !value.isTextual()) {
        problems.add(path + ": expected integer or string");
      }
      return;
    }
    String type = schema.path("type").asText("");
    boolean typeOk =
        switch (type) {
          case "object" -> value.isObject();
          case "array" -> value.isArray();
          case "string" -> value.isTextual();
          case "integer" -> value.isIntegralNumber();
          case "number" -> value.isNumber();
          case "boolean" -> value.isBoolean();
          default -> true;
        };
    if (!typeOk) {
      problems.add(path + ": expected " + type);
      return;
    }
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode allowed : schema.get("enum")) {
        listed |= allowed.equals(value);
      }
      if (!listed) {
        problems.add(path + ": not one of " + schema.get("enum"));
      }
    }
    if (schema.has("minimum")
        && value.isNumber()
        && value.asDouble() < schema.get("minimum").asDouble()) {
      problems.add(path + ": below " + schema.get("minimum"));
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        validate(schema.get("items"), value.get(i), path + "[" + i + "]", problems);
      }
    }
    if (!value.isObject()) {
      return;
    }
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        problems.add(path + ": " + required.asText() + " is required");
      }
    }
    JsonNode properties = schema.path("properties");
    boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      if (properties.has(field.getKey())) {
        validate(properties.get(field.getKey()), field.getValue(), fieldPath, problems);
      } else if (schema.has("additionalProperties")
          && schema.get("additionalProperties").isObject()) {
        validate(schema.get("additionalProperties"), field.getValue(), fieldPath, problems);
      } else if (!preserve && properties.size() > 0) {
        problems.add(fieldPath + ": unknown field");
      }
    }
  }
}
