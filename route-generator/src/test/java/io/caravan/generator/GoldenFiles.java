package io.caravan.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.api.ArgoResource;
import io.caravan.api.Manifest;
import io.caravan.api.testing.TestManifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The golden cases under {@code src/test/resources/golden/<case>/}: {@code input.yaml} (one
 * manifest), {@code expected.yaml} (the generated document) and, when the generation reports
 * anything, {@code diagnostics.txt} (one diagnostic per line).
 */
final class GoldenFiles {

  static final Path ROOT = Path.of("src", "test", "resources", "golden");
  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private GoldenFiles() {}

  static List<Path> cases() {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ArgoResource input(Path caseDir) {
    List<Manifest> manifests = TestManifests.read(caseDir.resolve("input.yaml"));
    assertThat(manifests).as("manifests in %s", caseDir).hasSize(1);
    Manifest manifest = manifests.get(0);
    assertThat(manifest.error()).as("read error in %s", caseDir).isNull();
    return manifest.resource();
  }

  static String diagnosticsText(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .map(d -> d.severity() + " " + d.path() + ": " + d.message() + "\n")
        .collect(Collectors.joining());
  }

  /** The file's text, or "" when it does not exist. */
  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code text} to {@code file}; deletes the file instead when empty and optional. */
  static void write(Path file, String text, boolean optional) {
    try {
      if (text.isEmpty() && optional) {
        Files.deleteIfExists(file);
      } else {
        Files.writeString(file, text, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
