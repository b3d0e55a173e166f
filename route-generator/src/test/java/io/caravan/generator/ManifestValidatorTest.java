package io.caravan.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.api.ManifestReader;
import io.caravan.api.testing.TestManifests;
import org.junit.jupiter.api.Test;

class ManifestValidatorTest {

  @Test
  void turnsAReadErrorIntoADiagnostic() {
    var manifest =
        ManifestReader.parse(
                """
        apiVersion: argoproj.io/v1alpha1
        kind: Sensor
        metadata: {name: s}
        spec:
          triggers:
            - template: {name: t, http: {url: "http://x", timeout: soon}}
        """)
            .get(0);

    assertThat(new ManifestValidator().validate(manifest))
        .containsExactly(
            Diagnostic.error(
                "spec.triggers[0].template.http.timeout",
                "line 6: spec.triggers[0].template.http.timeout: expected a number"));
  }

  @Test
  void theProjectsOwnExamplesHaveNoFindings() {
    var manifests = TestManifests.read(java.nio.file.Path.of("../examples"));

    assertThat(manifests).isNotEmpty();
    assertThat(manifests)
        .allSatisfy(
            m -> assertThat(new ManifestValidator().validate(m)).as(m.location()).isEmpty());
  }

  @Test
  void turnsBrokenYamlIntoADocumentLevelDiagnostic() {
    var manifest = ManifestReader.parse("kind: Sensor\nspec: [unclosed\n").get(0);

    assertThat(new ManifestValidator().validate(manifest))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEmpty();
              assertThat(d.message()).startsWith("line ").contains("invalid YAML");
              assertThat(d.isError()).isTrue();
            });
  }

  @Test
  void ignoresDocumentsThatAreNotArgoEventsResources() {
    var secret = ManifestReader.parse("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n").get(0);

    assertThat(new ManifestValidator().validate(secret)).isEmpty();
  }

  @Test
  void requiresNameAndSpec() {
    assertThat(ValidatorFixtures.validate("apiVersion: argoproj.io/v1alpha1\nkind: EventSource\n"))
        .extracting(Diagnostic::path)
        .containsExactly("metadata.name", "spec");
  }

  @Test
  void reportsUnknownMetadataFieldsButAcceptsStandardOnes() {
    assertThat(
            ValidatorFixtures.validate(
                """
        apiVersion: argoproj.io/v1alpha1
        kind: EventBus
        metadata: {name: default, uid: abc, resourceVersion: "7", colour: blue}
        spec:
          jetstream: {version: latest}
        """))
        .containsExactly(Diagnostic.error("metadata.colour", "unknown field 'colour'"));
  }

  @Test
  void checksEventBusVariants() {
    assertThat(
            ValidatorFixtures.validate(
                """
        apiVersion: argoproj.io/v1alpha1
        kind: EventBus
        metadata: {name: default}
        spec:
          jetstream: {replicas: 2}
          kafka: {sasl: {mechanism: PLAIN}, consumerGroup: {groupName: g}}
        """))
        .extracting(Diagnostic::path)
        .containsExactly(
            "spec.kafka.url",
            "spec.kafka.sasl",
            "spec.kafka.consumerGroup",
            "spec",
            "spec.jetstream.version",
            "spec.jetstream.replicas");
  }
}
