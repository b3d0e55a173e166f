package io.caravan.api.testing;

import io.caravan.api.Manifest;
import io.caravan.api.ManifestReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test fixtures: reads manifest files (a file, or every *.yaml/*.yml/*.json below a directory,
 * sorted).
 */
public final class TestManifests {

  private TestManifests() {}

  public static List<Manifest> read(Path fileOrDir) {
    if (!Files.exists(fileOrDir)) {
      return List.of(ManifestReader.unreadable(fileOrDir, "no such file or directory"));
    }
    List<Manifest> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(fileOrDir)) {
      for (Path file :
          walk.filter(Files::isRegularFile).filter(TestManifests::isManifest).sorted().toList()) {
        all.addAll(ManifestReader.parse(Files.readString(file, StandardCharsets.UTF_8), file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  private static boolean isManifest(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }
}
