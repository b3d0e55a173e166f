package io.caravan.routes.source.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The {@code polling: true} watcher: compares listings of the directory (not recursive) and reports
 * CREATE, REMOVE, WRITE (size or modification time changed), CHMOD (permissions changed) and RENAME
 * (an entry gone and one new with the same inode; reported under the old name, as inotify does).
 */
final class DirectoryPoller {
  private record Entry(Object fileKey, long size, long modified, String permissions) {}

  private final Path directory;
  private Map<String, Entry> last;

  DirectoryPoller(Path directory) throws IOException {
    this.directory = directory;
    this.last = list();
  }

  /** One poll: the operations since the last one, each with the entry's full path, in order. */
  void poll(BiConsumer<String, FileOp> events) throws IOException {
    Map<String, Entry> now = list();
    List<String> created = new ArrayList<>();
    for (Map.Entry<String, Entry> entry : now.entrySet()) {
      Entry before = last.get(entry.getKey());
      if (before == null) {
        created.add(entry.getKey());
        continue;
      }
      Entry after = entry.getValue();
      if (before.size() != after.size() || before.modified() != after.modified()) {
        events.accept(entry.getKey(), FileOp.WRITE);
      }
      if (!before.permissions().equals(after.permissions())) {
        events.accept(entry.getKey(), FileOp.CHMOD);
      }
    }
    for (Map.Entry<String, Entry> entry : last.entrySet()) {
      if (now.containsKey(entry.getKey())) {
        continue;
      }
      Object key = entry.getValue().fileKey();
      String renamedTo =
          key == null
              ? null
              : created.stream()
                  .filter(c -> Objects.equals(key, now.get(c).fileKey()))
                  .findFirst()
                  .orElse(null);
      if (renamedTo != null) {
        created.remove(renamedTo);
        events.accept(entry.getKey(), FileOp.RENAME);
      } else {
        events.accept(entry.getKey(), FileOp.REMOVE);
      }
    }
    created.forEach(name -> events.accept(name, FileOp.CREATE));
    last = now;
  }

  private Map<String, Entry> list() throws IOException {
    Map<String, Entry> entries = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        try {
          PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class);
          entries.put(
              file.toString(),
              new Entry(
                  attributes.fileKey(),
                  attributes.size(),
                  attributes.lastModifiedTime().toMillis(),
                  attributes.permissions().toString()));
        } catch (NoSuchFileException gone) {
          // removed while listing: the next poll reports it if it was known
        }
      }
    }
    return entries;
  }
}
