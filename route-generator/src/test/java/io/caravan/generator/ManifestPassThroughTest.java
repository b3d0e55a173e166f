package io.caravan.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.caravan.api.Manifest;
import io.caravan.api.testing.TestManifests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code trigger} and {@code filters} bean properties hold the manifest's own YAML: read back,
 * they equal the manifest's trigger and filters, templates and quoted numbers included.
 */
class ManifestPassThroughTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void triggerAndFiltersPropertiesReadBackAsTheManifestWroteThem() throws Exception {
    int checkedTriggers = 0;
    int checkedFilters = 0;
    for (Path dir : GoldenFiles.cases()) {
      Manifest manifest = TestManifests.read(dir.resolve("input.yaml")).get(0);
      if (!"Sensor".equals(manifest.kind())) {
        continue;
      }
      String yaml = new RouteGenerator().generate(manifest.resource()).yaml();
      if (yaml.isEmpty()) {
        continue;
      }
      JsonNode spec = manifest.raw().get("spec");
      for (JsonNode bean : beans(YAML.readTree(yaml))) {
        JsonNode properties = bean.get("properties");
        if (properties.has("trigger")) {
          JsonNode written = YAML.readTree(properties.get("trigger").textValue());
          assertThat(written)
              .as("trigger of %s in %s", bean.get("name"), dir)
              .isEqualTo(triggerNamed(spec, properties.get("triggerName").textValue()));
          checkedTriggers++;
        }
        if (properties.has("filters")) {
          JsonNode written = YAML.readTree(properties.get("filters").textValue());
          assertThat(written)
              .as("filters of %s in %s", bean.get("name"), dir)
              .isEqualTo(
                  dependencyNamed(spec, properties.get("dependencyName").textValue())
                      .get("filters"));
          checkedFilters++;
        }
      }
    }
    assertThat(checkedTriggers).isGreaterThanOrEqualTo(5);
    assertThat(checkedFilters).isGreaterThanOrEqualTo(1);
  }

  @Test
  void templatesInTheTriggerAreCopiedVerbatim() throws Exception {
    String yaml =
        new RouteGenerator()
            .generate(GoldenFiles.input(GoldenFiles.ROOT.resolve("k8s-create-workflow")))
            .yaml();
    JsonNode trigger =
        YAML.readTree(
            beans(YAML.readTree(yaml)).stream()
                .filter(bean -> bean.get("properties").has("trigger"))
                .findFirst()
                .orElseThrow()
                .get("properties")
                .get("trigger")
                .textValue());
    JsonNode args = trigger.at("/template/k8s/source/resource/spec/templates/0/container/args");
    assertThat(args.get(0).textValue()).isEqualTo("{{inputs.parameters.message}}");
  }

  private static List<JsonNode> beans(JsonNode document) {
    List<JsonNode> beans = new ArrayList<>();
    document.forEach(
        item -> {
          if (item.has("beans")) {
            item.get("beans").forEach(beans::add);
          }
        });
    return beans;
  }

  /** The trigger, or dlqTrigger, whose template has {@code name}. */
  private static JsonNode triggerNamed(JsonNode spec, String name) {
    for (JsonNode trigger : spec.get("triggers")) {
      for (JsonNode candidate = trigger;
          candidate != null && !candidate.isMissingNode();
          candidate = candidate.path("dlqTrigger")) {
        if (name.equals(candidate.at("/template/name").textValue())) {
          return candidate;
        }
      }
    }
    throw new AssertionError("no trigger " + name);
  }

  private static JsonNode dependencyNamed(JsonNode spec, String name) {
    for (JsonNode dependency : spec.get("dependencies")) {
      if (name.equals(dependency.get("name").textValue())) {
        return dependency;
      }
    }
    throw new AssertionError("no dependency " + name);
  }
}
