package io.caravan.routes.source.resource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Progress in files for local runs: {@code <directory>/caravan-resource-<eventSource>.json}, a JSON
 * object of event name → progress, replaced atomically on every save (the stand-in for the
 * ConfigMap, as calendar persistence does under {@code --state-dir}).
 */
public final class FileResourceProgressStore implements ResourceProgressStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path directory;

  public FileResourceProgressStore(Path directory) {
    this.directory = directory;
  }

  @Override
  public synchronized String load(String eventSource, String key) {
    return read(eventSource).get(key);
  }

  @Override
  public synchronized void save(String eventSource, String key, String progress) {
    Map<String, String> data = read(eventSource);
    data.put(key, progress);
    Path file = file(eventSource);
    try {
      Files.createDirectories(directory);
      Path temp = Files.createTempFile(directory, file.getFileName() + ".", ".tmp");
      JSON.writeValue(temp.toFile(), data);
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe(String eventSource) {
    return file(eventSource).toString();
  }

  private Map<String, String> read(String eventSource) {
    Path file = file(eventSource);
    if (!Files.exists(file)) {
      return new TreeMap<>();
    }
    try {
      return new TreeMap<>(
          JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private Path file(String eventSource) {
    if (eventSource.contains("/") || eventSource.contains("\\") || eventSource.startsWith(".")) {
      throw new IllegalArgumentException("not an EventSource name: '" + eventSource + "'");
    }
    return directory.resolve(ResourceProgressStore.name(eventSource) + ".json");
  }
}
