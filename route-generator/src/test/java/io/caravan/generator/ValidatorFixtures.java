package io.caravan.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.api.Manifest;
import io.caravan.api.ManifestReader;
import java.util.List;

/** Small manifests written for the validator tests, and a helper to validate YAML text. */
public final class ValidatorFixtures {

  public static final String EVENT_SOURCE_HEADER =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: EventSource
      metadata:
        name: shop
      spec:
      """;

  public static final String SENSOR_HEADER =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Sensor
      metadata:
        name: forwarder
      spec:
      """;

  /** A dependency block `order` and a log trigger, for sensors that only vary one part. */
  public static final String ORDER_DEPENDENCY =
      """
        dependencies:
          - name: order
            eventSourceName: shop
            eventName: new-order
      """;

  private ValidatorFixtures() {}

  public static List<Diagnostic> validate(String yaml) {
    List<Manifest> manifests = ManifestReader.parse(yaml);
    assertThat(manifests).hasSize(1);
    return new ManifestValidator().validate(manifests.get(0));
  }

  public static List<Diagnostic> eventSource(String specBody) {
    return validate(EVENT_SOURCE_HEADER + specBody);
  }

  public static List<Diagnostic> sensor(String specBody) {
    return validate(SENSOR_HEADER + specBody);
  }

  /** A sensor with the `order` dependency and the given triggers block. */
  public static List<Diagnostic> sensorWithTriggers(String triggers) {
    return sensor(ORDER_DEPENDENCY + triggers);
  }

  public static List<Diagnostic> errors(List<Diagnostic> diagnostics) {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }
}
