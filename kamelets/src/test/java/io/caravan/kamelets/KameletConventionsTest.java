package io.caravan.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks every {@code *.kamelet.yaml} in the module directory against the apache/camel-kamelets
 * layout: name = file name, type label matching the name's suffix, a JSON-schema definition whose
 * properties all have title, description and type and are all used by the template (whose other
 * placeholders name its local beans), sources ending in {@code kamelet:sink} and sinks starting
 * from {@code kamelet:source}.
 */
class KameletConventionsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String SUFFIX = ".kamelet.yaml";
  private static final String TYPE_LABEL = "camel.apache.org/kamelet.type";

  /** A Kamelet parameter placeholder: {{name}}, {{?name}} or {{name:default}}. */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\??([A-Za-z][A-Za-z0-9]*)(:[^}]*)?}}");

  private static List<Path> kamelets() throws IOException {
    Path dir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    }
  }

  @Test
  void theModuleHasKamelets() throws IOException {
    assertThat(kamelets())
        .extracting(p -> p.getFileName().toString())
        .contains("webhook-source.kamelet.yaml", "calendar-source.kamelet.yaml");
  }

  @TestFactory
  Stream<DynamicTest> everyKameletFollowsTheConventions() throws IOException {
    return kamelets().stream()
        .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> check(path)));
  }

  private static void check(Path path) throws IOException {
    String file = path.getFileName().toString();
    String expectedName = file.substring(0, file.length() - SUFFIX.length());
    JsonNode kamelet = YAML.readTree(path.toFile());

    assertThat(kamelet.path("apiVersion").asText())
        .as(file + " apiVersion")
        .isEqualTo("camel.apache.org/v1");
    assertThat(kamelet.path("kind").asText()).as(file + " kind").isEqualTo("Kamelet");
    assertThat(kamelet.at("/metadata/name").asText())
        .as(file + " metadata.name")
        .isEqualTo(expectedName);

    String type = kamelet.at("/metadata/labels").path(TYPE_LABEL).asText();
    assertThat(type).as(file + " label " + TYPE_LABEL).isIn("source", "sink", "action");
    assertThat(expectedName).as(file + " name ends with -" + type).endsWith("-" + type);

    JsonNode definition = kamelet.at("/spec/definition");
    assertThat(definition.path("title").asText()).as(file + " spec.definition.title").isNotBlank();
    assertThat(definition.path("description").asText())
        .as(file + " spec.definition.description")
        .isNotBlank();
    assertThat(definition.path("type").asText())
        .as(file + " spec.definition.type")
        .isEqualTo("object");

    JsonNode properties = definition.path("properties");
    Set<String> declared = new HashSet<>();
    for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      declared.add(name);
      JsonNode property = properties.get(name);
      for (String field : List.of("title", "description", "type")) {
        assertThat(property.path(field).asText())
            .as(file + " spec.definition.properties." + name + "." + field)
            .isNotBlank();
      }
    }
    for (JsonNode required : definition.path("required")) {
      assertThat(declared).as(file + " spec.definition.required").contains(required.asText());
    }

    JsonNode template = kamelet.at("/spec/template");
    assertThat(template.isMissingNode()).as(file + " spec.template").isFalse();
    Set<String> used = new HashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(YAML.writeValueAsString(template));
    while (matcher.find()) {
      used.add(matcher.group(1));
    }
    assertThat(used).as(file + ": every property is used in the template").containsAll(declared);
    Set<String> resolvable = new HashSet<>(declared);
    template.path("beans").forEach(bean -> resolvable.add(bean.path("name").asText()));
    assertThat(resolvable)
        .as(file + ": every template placeholder is a property or a template bean")
        .containsAll(used);

    JsonNode from = template.path("from");
    if (type.equals("source")) {
      List<JsonNode> steps = new ArrayList<>();
      from.path("steps").forEach(steps::add);
      assertThat(steps).as(file + " spec.template.from.steps").isNotEmpty();
      assertThat(uriOf(steps.get(steps.size() - 1).path("to")))
          .as(file + ": a source's last step")
          .isEqualTo("kamelet:sink");
    } else if (type.equals("sink")) {
      assertThat(from.path("uri").asText())
          .as(file + ": a sink starts from")
          .isEqualTo("kamelet:source");
    }
  }

  /** {@code to: uri} or {@code to: {uri: …}}. */
  private static String uriOf(JsonNode to) {
    return to.isTextual() ? to.asText() : to.path("uri").asText();
  }
}
