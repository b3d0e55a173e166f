package io.caravan.generator.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.api.ManifestReader;
import io.caravan.generator.GeneratedRoutes;
import io.caravan.generator.RouteGenerator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of semantics/conditions.yaml: conditions as the generator resolves them. */
class ConditionCasesTest {
  private static final ObjectMapper YAML = new YAMLMapper();

  static Stream<Arguments> cases() throws Exception {
    try (InputStream in =
        ConditionCasesTest.class.getResourceAsStream("/semantics/conditions.yaml")) {
      List<Map<String, Object>> cases = YAML.readValue(in, new TypeReference<>() {});
      return cases.stream().map(c -> Arguments.of(c.get("name"), c));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void resolvesConditionsLikeArgo(String name, Map<String, Object> c) throws Exception {
    StringBuilder sensor =
        new StringBuilder(
            """
        apiVersion: argoproj.io/v1alpha1
        kind: Sensor
        metadata: {name: s}
        spec:
          dependencies:
        """);
    for (String dependency : (List<String>) c.get("dependencies")) {
      sensor
          .append("    - {name: ")
          .append(dependency)
          .append(", eventSourceName: shop, eventName: ")
          .append(dependency)
          .append("}\n");
    }
    sensor.append("  triggers:\n    - template:\n        name: t\n        log: {}\n");
    if (c.get("conditions") != null) {
      sensor.append("        conditions: '").append(c.get("conditions")).append("'\n");
    }
    GeneratedRoutes generated =
        new RouteGenerator().generate(ManifestReader.parse(sensor.toString()).get(0).resource());
    Map<String, Object> expect = (Map<String, Object>) c.get("expect");
    if (Boolean.TRUE.equals(expect.get("inactive"))) {
      assertThat(generated.yaml() == null ? "" : generated.yaml())
          .doesNotContain("direct:sensor.s.t");
      assertThat(generated.diagnostics())
          .anySatisfy(d -> assertThat(d.message()).contains("inactive"));
      return;
    }
    JsonNode items = YAML.readTree(generated.yaml());
    String conditions = null;
    List<String> listens = new ArrayList<>();
    for (JsonNode item : items) {
      for (JsonNode bean : item.path("beans")) {
        if (bean.path("name").asText().equals("sensor.s.trigger.t.conditions")) {
          conditions = bean.path("properties").path("conditions").asText();
        }
      }
      String id = item.path("route").path("id").asText();
      if (id.startsWith("sensor.s.t.")) {
        listens.add(id.substring("sensor.s.t.".length()));
      }
    }
    assertThat(conditions).isEqualTo(expect.get("conditions"));
    assertThat(listens).isEqualTo(expect.get("listens"));
  }
}
