package io.caravan.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares the generated document and diagnostics of every golden case byte for byte. Run with
 * {@code -Dgolden.update=true} to rewrite the expected files instead (then review the diff).
 */
class GoldenFilesTest {

  private final RouteGenerator generator = new RouteGenerator();

  @TestFactory
  Stream<DynamicTest> everyGoldenCaseGeneratesItsExpectedFiles() {
    return GoldenFiles.cases().stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private void check(Path dir) {
    GeneratedRoutes routes = generator.generate(GoldenFiles.input(dir));
    String diagnostics = GoldenFiles.diagnosticsText(routes.diagnostics());
    Path expectedYaml = dir.resolve("expected.yaml");
    Path expectedDiagnostics = dir.resolve("diagnostics.txt");
    if (GoldenFiles.UPDATE) {
      GoldenFiles.write(expectedYaml, routes.yaml(), false);
      GoldenFiles.write(expectedDiagnostics, diagnostics, true);
      return;
    }
    assertThat(routes.yaml())
        .as("generated YAML of %s", dir)
        .isEqualTo(GoldenFiles.read(expectedYaml));
    assertThat(diagnostics)
        .as("diagnostics of %s", dir)
        .isEqualTo(GoldenFiles.read(expectedDiagnostics));
  }
}
