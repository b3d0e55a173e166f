package io.caravan.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of semantics/validation.yaml: Argo's admission rules as the validator applies them. */
class ValidationCasesTest {
  private static final ObjectMapper YAML = new YAMLMapper();

  static Stream<Arguments> cases() throws Exception {
    try (InputStream in =
        ValidationCasesTest.class.getResourceAsStream("/semantics/validation.yaml")) {
      List<Map<String, Object>> cases = YAML.readValue(in, new TypeReference<>() {});
      return cases.stream().map(c -> Arguments.of(c.get("name"), c));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void validatesLikeArgo(String name, Map<String, Object> c) throws Exception {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("apiVersion", "argoproj.io/v1alpha1");
    manifest.put("kind", c.getOrDefault("kind", "Sensor"));
    manifest.put("metadata", Map.of("name", "subject"));
    manifest.put("spec", c.get("spec"));
    List<Diagnostic> errors =
        ValidatorFixtures.errors(ValidatorFixtures.validate(YAML.writeValueAsString(manifest)));

    Map<String, Object> expect = (Map<String, Object>) c.get("expect");
    if (Boolean.TRUE.equals(expect.get("valid"))) {
      assertThat(errors).filteredOn(d -> !d.message().startsWith("unsupported")).isEmpty();
      return;
    }
    Map<String, String> error = (Map<String, String>) expect.get("error");
    assertThat(errors)
        .as("errors")
        .anySatisfy(
            d -> {
              assertThat(d.path()).isEqualTo(error.get("path"));
              assertThat(d.message()).contains(error.get("contains"));
            });
  }
}
