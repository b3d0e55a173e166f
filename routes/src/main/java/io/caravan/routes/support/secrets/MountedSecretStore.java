package io.caravan.routes.support.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads Secret and ConfigMap values mounted as files, as Argo Events mounts them in its pods:
 * {@code <baseDir>/secrets/<name>/<key>} and {@code <baseDir>/config/<name>/<key>} (base dir {@code
 * /argo-events} by default). One trailing newline ({@code \n} or {@code \r\n}) is trimmed.
 */
public final class MountedSecretStore implements SecretStore {
  public static final Path DEFAULT_BASE_DIR = Path.of("/argo-events");

  private final Path baseDir;

  public MountedSecretStore() {
    this(DEFAULT_BASE_DIR);
  }

  public MountedSecretStore(Path baseDir) {
    this.baseDir = baseDir;
  }

  public Path baseDir() {
    return baseDir;
  }

  @Override
  public Optional<String> secret(String name, String key) {
    return read("secrets", name, key);
  }

  @Override
  public Optional<String> configMap(String name, String key) {
    return read("config", name, key);
  }

  private Optional<String> read(String kind, String name, String key) {
    checkSegment(name, "name");
    checkSegment(key, "key");
    Path file = baseDir.resolve(kind).resolve(name).resolve(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(trimTrailingNewline(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      // The message names the reference only, never the content.
      throw new UncheckedIOException("cannot read " + kind + " " + name + "/" + key, e);
    }
  }

  private static void checkSegment(String segment, String what) {
    if (segment == null
        || segment.isEmpty()
        || segment.equals(".")
        || segment.equals("..")
        || segment.contains("/")
        || segment.contains("\\")) {
      throw new IllegalArgumentException("invalid secret " + what + ": '" + segment + "'");
    }
  }

  static String trimTrailingNewline(String value) {
    if (value.endsWith("\r\n")) {
      return value.substring(0, value.length() - 2);
    }
    if (value.endsWith("\n")) {
      return value.substring(0, value.length() - 1);
    }
    return value;
  }
}
