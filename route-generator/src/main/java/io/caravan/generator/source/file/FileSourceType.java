package io.caravan.generator.source.file;

import io.caravan.api.common.WatchPathConfig;
import io.caravan.api.eventsource.file.FileEventSource;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.source.SourceEvent;
import io.caravan.generator.source.SourceType;
import io.caravan.generator.yaml.RoutesYaml;
import io.caravan.generator.yaml.UriParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code spec.file} events → {@code kamelet:file-source}: a watched local directory (inotify, or
 * polling every 100 ms) whose matching entries give Argo's file event data (inventory §1.4,
 * §1.5.10, §2.3). Argo's {@code eventType} and {@code watchPathConfig} checks are the shared
 * watch-path rules of the EventSource validator; this type adds the warnings of settings that can
 * never match.
 */
public final class FileSourceType implements SourceType<FileEventSource> {
  /** The operation names Argo's file source reports (fsnotify's, plus CHMOD). */
  static final Set<String> OPERATIONS = Set.of("CREATE", "WRITE", "REMOVE", "RENAME", "CHMOD");

  @Override
  public String key() {
    return "file";
  }

  @Override
  public Class<FileEventSource> model() {
    return FileEventSource.class;
  }

  @Override
  public void check(SourceEvent<FileEventSource> event, List<Diagnostic> out) {
    FileEventSource file = event.config();
    if (file == null) {
      return; // the watch-path rules report the missing settings
    }
    String type = file.getEventType();
    if (type != null && !type.isEmpty() && !OPERATIONS.contains(type)) {
      out.add(
          Diagnostic.warning(
              event.path("eventType"),
              "eventType '"
                  + type
                  + "' never matches: the operations are CREATE, WRITE, REMOVE, RENAME and CHMOD"
                  + " (matched exactly, as in Argo)"));
    }
    WatchPathConfig watch = file.getWatchPathConfig();
    if (watch != null
        && notEmpty(watch.getDirectory())
        && !watch.getDirectory().endsWith("/")
        && notEmpty(watch.getPath())) {
      out.add(
          Diagnostic.warning(
              event.path("watchPathConfig.directory"),
              "directory does not end with '/': the relative path of an entry starts with '/'"
                  + " and path '"
                  + watch.getPath()
                  + "' never matches (as in Argo)"));
    }
  }

  @Override
  public Map<String, Object> from(SourceEvent<FileEventSource> event, Diagnostics diagnostics) {
    FileEventSource file = event.config();
    WatchPathConfig watch = file == null ? null : file.getWatchPathConfig();
    if (file == null || !notEmpty(file.getEventType()) || watch == null) {
      diagnostics.error(event.path(), "eventType and watchPathConfig are required");
      return null;
    }
    if (!notEmpty(watch.getDirectory()) || !watch.getDirectory().startsWith("/")) {
      diagnostics.error(
          event.path("watchPathConfig.directory"), "directory must be an absolute file path");
      return null;
    }
    if (notEmpty(watch.getPath()) == notEmpty(watch.getPathRegexp())) {
      diagnostics.error(
          event.path("watchPathConfig"), "exactly one of path and pathRegexp must be specified");
      return null;
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("eventSourceName", event.eventSourceName());
    parameters.put("eventName", event.eventName());
    parameters.put("eventType", file.getEventType());
    parameters.put("directory", watch.getDirectory());
    if (notEmpty(watch.getPath())) {
      parameters.put("filePath", watch.getPath());
    } else {
      parameters.put("filePathRegexp", watch.getPathRegexp());
    }
    parameters.put("polling", Boolean.TRUE.equals(file.getPolling()));
    if (file.getMetadata() != null && !file.getMetadata().isEmpty()) {
      parameters.put("metadata", RoutesYaml.compactJson(file.getMetadata()));
    }
    // filePath, not path: a Kamelet placeholder {{?path}} falls back to the PATH environment
    // variable
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:file-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  @Override
  public String filterExpression(FileEventSource event) {
    return event == null || event.getFilter() == null ? null : event.getFilter().getExpression();
  }

  private static boolean notEmpty(String text) {
    return text != null && !text.isEmpty();
  }
}
