package io.caravan.cli;

import io.caravan.api.Manifest;
import io.caravan.api.ManifestReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads manifest files ({@code *.yaml}, {@code *.yml}, {@code *.json}; directories recursively, in
 * sorted order) and parses them with {@link ManifestReader}. Never throws for bad input: a file
 * that cannot be read becomes a {@link Manifest} whose error says why.
 */
final class ManifestFiles {

  private ManifestFiles() {}

  /** Reads one file or every manifest file below a directory. */
  static List<Manifest> read(Path fileOrDir) {
    if (!Files.exists(fileOrDir)) {
      return List.of(ManifestReader.unreadable(fileOrDir, "no such file or directory"));
    }
    if (!Files.isDirectory(fileOrDir)) {
      return readFile(fileOrDir);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(fileOrDir)) {
      files =
          walk.filter(Files::isRegularFile).filter(ManifestFiles::isManifestFile).sorted().toList();
    } catch (IOException e) {
      return List.of(
          ManifestReader.unreadable(fileOrDir, "cannot list directory: " + e.getMessage()));
    }
    List<Manifest> all = new ArrayList<>();
    files.forEach(f -> all.addAll(readFile(f)));
    return all;
  }

  /** Reads several files or directories, in the given order. */
  static List<Manifest> readAll(Collection<Path> paths) {
    List<Manifest> all = new ArrayList<>();
    paths.forEach(p -> all.addAll(read(p)));
    return all;
  }

  private static boolean isManifestFile(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static List<Manifest> readFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of(ManifestReader.unreadable(file, "cannot read file: " + e.getMessage()));
    }
    return ManifestReader.parse(text, file);
  }
}
