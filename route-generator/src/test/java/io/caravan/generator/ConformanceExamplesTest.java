package io.caravan.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.caravan.api.Manifest;
import io.caravan.api.testing.TestManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every Argo example manifest (when the shared conformance directory exists on this machine)
 * compiles without an exception, into parseable YAML or with diagnostics saying why not.
 */
class ConformanceExamplesTest {

  private static final Path EXAMPLES =
      Path.of(
          System.getProperty("caravan.conformance.dir", "../../shared/conformance/argo-examples"));
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyExampleGeneratesOrReportsWhyNot() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(EXAMPLES), "no Argo examples on this machine");
    List<Manifest> manifests = TestManifests.read(EXAMPLES);
    RouteGenerator generator = new RouteGenerator();
    int generated = 0;
    for (Manifest manifest : manifests) {
      if (manifest.resource() == null) {
        continue; // not an Argo Events resource, or unreadable: the reader reports those
      }
      AtomicReference<GeneratedRoutes> result = new AtomicReference<>();
      assertThatCode(() -> result.set(generator.generate(manifest.resource())))
          .as("generating %s", manifest)
          .doesNotThrowAnyException();
      GeneratedRoutes routes = result.get();
      String kind = manifest.kind();
      if (routes.yaml().isEmpty()) {
        if (!"EventBus".equals(kind)) {
          assertThat(routes.diagnostics()).as("why %s generated nothing", manifest).isNotEmpty();
        }
        continue;
      }
      generated++;
      JsonNode document = YAML.readTree(routes.yaml());
      assertThat(document.isArray()).as("document of %s is a list", manifest).isTrue();
      assertThat(routes.yaml()).startsWith("# " + kind + " ");
    }
    assertThat(generated).as("examples that generate routes").isPositive();
  }
}
