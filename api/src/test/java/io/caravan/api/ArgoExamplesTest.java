package io.caravan.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.api.testing.TestManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** Argo's own example manifests must all parse (runs only where the examples are available). */
@EnabledIf("examplesPresent")
class ArgoExamplesTest {

  static final Path EXAMPLES =
      Path.of(
          System.getProperty("caravan.conformance.dir", "../../shared/conformance/argo-examples"));

  static boolean examplesPresent() {
    return Files.isDirectory(EXAMPLES);
  }

  @Test
  void everyArgoExampleParses() {
    List<Manifest> manifests = TestManifests.read(EXAMPLES);

    assertThat(manifests).hasSizeGreaterThan(100);
    assertThat(manifests).filteredOn(Manifest::hasError).isEmpty();
    assertThat(manifests)
        .filteredOn(Manifest::isArgoEvents)
        .allSatisfy(
            m -> {
              assertThat(m.resource()).as(m.location()).isNotNull();
              assertThat(m.resource().getSpec()).as(m.location()).isNotNull();
            });
    assertThat(manifests).filteredOn(m -> "Sensor".equals(m.kind())).hasSizeGreaterThan(50);
  }
}
