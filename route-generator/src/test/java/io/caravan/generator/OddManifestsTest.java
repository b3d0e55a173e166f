package io.caravan.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.caravan.api.Manifest;
import io.caravan.api.ManifestReader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Null entries, empty maps and scalars where a map or list is expected: validation and generation
 * report them (or nothing) and never fail with an exception.
 */
class OddManifestsTest {

  static Stream<String> sensorSpecs() {
    return Stream.of(
        "dependencies: [null]\n  triggers: [null]",
        "dependencies: [~, {name: a, eventSourceName: s, eventName: e}]\n  triggers: [~]",
        "dependencies: [{}]\n  triggers: [{}]",
        "dependencies: [{name: a, eventSourceName: s, eventName: e, filters: {data: [null], exprs: [null], time: {}, context: {}}}]\n  triggers: [{template: {name: t, log: {}}}]",
        "dependencies: [{name: a, eventSourceName: s, eventName: e, filters: {exprs: [{expr: x, fields: [null]}]}}]\n  triggers: [{template: {name: t, log: {}}}]",
        "dependencies: [{name: a, eventSourceName: s, eventName: e, filters: null, transform: {}}]\n  triggers: [{template: {name: t, log: {}}, parameters: [null]}]",
        "dependencies: [{name: a, eventSourceName: s, eventName: e}]\n  triggers: [{template: {name: t, http: {url: u, payload: [null, {}]}}, parameters: [{}]}]",
        "dependencies: [{name: a, eventSourceName: s, eventName: e}]\n  triggers: [{template: {name: t, k8s: {source: {}}}}, {template: null}, {template: {name: u, conditionsReset: [null, {}]}}]",
        "dependencies: [{name: a, eventSourceName: s, eventName: e}]\n  triggers: [{template: {name: t, log: {}}, dlqTrigger: {}, retryStrategy: {}, rateLimit: {}, policy: {}}]",
        "dependencies: a-string\n  triggers: 42",
        "dependencies: [a-string]\n  triggers: [a-string]",
        "dependencies: {name: a}\n  triggers: {template: {}}",
        "dependencies: [{name: a, eventSourceName: s, eventName: e, filters: a-string, transform: 3}]\n  triggers: [{template: a-string}]",
        "dependencies: [{name: [x], eventSourceName: {a: b}, eventName: e}]\n  triggers: [{template: {name: {a: b}, log: []}}]",
        "dependencies: []\n  triggers: []",
        "{}");
  }

  static Stream<String> eventSourceSpecs() {
    return Stream.of(
        "webhook: {example: null}",
        "webhook: {example: {}}",
        "webhook: [a]",
        "webhook: a-string",
        "calendar: {tick: null, tock: {}}",
        "calendar: {tick: {exclusionDates: [null]}}",
        "webhook: {example: {port: '1', endpoint: /x, filter: {}}}",
        "kafka: {x: null}",
        "{}");
  }

  @ParameterizedTest(name = "Sensor spec: {0}")
  @MethodSource("sensorSpecs")
  void oddSensorsAreReportedNotCrashedOn(String spec) {
    checkNoCrash(ValidatorFixtures.SENSOR_HEADER + "  " + spec + "\n");
  }

  @ParameterizedTest(name = "EventSource spec: {0}")
  @MethodSource("eventSourceSpecs")
  void oddEventSourcesAreReportedNotCrashedOn(String spec) {
    checkNoCrash(ValidatorFixtures.EVENT_SOURCE_HEADER + "  " + spec + "\n");
  }

  private static void checkNoCrash(String yaml) {
    List<Manifest> manifests = ManifestReader.parse(yaml);
    assertThat(manifests).hasSize(1);
    Manifest manifest = manifests.get(0);
    assertThatCode(() -> new ManifestValidator().validate(manifest))
        .as("validate")
        .doesNotThrowAnyException();
    List<Diagnostic> diagnostics = new ManifestValidator().validate(manifest);
    assertThat(diagnostics).allSatisfy(d -> assertThat(d.message()).isNotBlank());
    if (manifest.resource() != null) {
      assertThatCode(() -> new RouteGenerator().generate(manifest.resource()))
          .as("generate")
          .doesNotThrowAnyException();
    }
  }
}
