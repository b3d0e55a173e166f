package io.caravan.routes.source.calendar;

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
 * Stand-in ConfigMaps for local runs: {@code <directory>/<configMap>.json}, a JSON object of key →
 * event data, replaced atomically on every save. Missing files are created whatever {@code
 * createIfNotExist} says (there is no cluster to create the ConfigMap in beforehand).
 */
public final class FileCalendarEventStore implements CalendarEventStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path directory;

  public FileCalendarEventStore(Path directory) {
    this.directory = directory;
  }

  @Override
  public synchronized String load(String configMap, boolean create, String key) {
    return read(configMap).get(key);
  }

  @Override
  public synchronized void save(String configMap, boolean create, String key, String eventData) {
    Map<String, String> data = read(configMap);
    data.put(key, eventData);
    Path file = file(configMap);
    try {
      Files.createDirectories(directory);
      Path temp = Files.createTempFile(directory, configMap + ".", ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), data);
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
  public String describe(String configMap) {
    return "ConfigMap " + configMap + " (" + file(configMap) + ")";
  }

  private Map<String, String> read(String configMap) {
    Path file = file(configMap);
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

  private Path file(String configMap) {
    if (configMap.contains("/") || configMap.contains("\\") || configMap.startsWith(".")) {
      throw new IllegalArgumentException("not a ConfigMap name: '" + configMap + "'");
    }
    return directory.resolve(configMap + ".json");
  }
}
