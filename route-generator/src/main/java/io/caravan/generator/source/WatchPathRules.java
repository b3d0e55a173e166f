package io.caravan.generator.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.generator.Diagnostic;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Argo's checks of {@code file} and {@code sftp} events (inventory §1.4): an {@code eventType} and
 * a valid {@code watchPathConfig}. Caravan does not run these sources yet, but their manifests get
 * Argo's verdict.
 */
final class WatchPathRules {

  private WatchPathRules() {}

  /** The events of one {@code spec.file} or {@code spec.sftp} block at {@code path}. */
  static void check(String path, JsonNode events, List<Diagnostic> out) {
    if (events == null || !events.isObject()) {
      return;
    }
    events
        .fields()
        .forEachRemaining(entry -> event(path + "." + entry.getKey(), entry.getValue(), out));
  }

  private static void event(String path, JsonNode event, List<Diagnostic> out) {
    if (event == null || !event.isObject()) {
      out.add(Diagnostic.error(path, "eventType and watchPathConfig are required"));
      return;
    }
    if (text(event, "eventType").isEmpty()) {
      out.add(Diagnostic.error(path + ".eventType", "eventType is required"));
    }
    JsonNode config = event.path("watchPathConfig");
    String at = path + ".watchPathConfig";
    String directory = text(config, "directory");
    String file = text(config, "path");
    String pattern = text(config, "pathRegexp");
    if (directory.isEmpty()) {
      out.add(Diagnostic.error(at + ".directory", "directory is required"));
    } else if (!directory.startsWith("/")) {
      out.add(
          Diagnostic.error(
              at + ".directory",
              "directory must be an absolute file path, found '" + directory + "'"));
    }
    if (file.isEmpty() && pattern.isEmpty()) {
      out.add(Diagnostic.error(at, "either path or pathRegexp must be specified"));
    } else if (!file.isEmpty() && !pattern.isEmpty()) {
      out.add(
          Diagnostic.error(at + ".pathRegexp", "path and pathRegexp cannot be specified together"));
    }
    if (file.startsWith("/")) {
      out.add(
          Diagnostic.error(
              at + ".path", "path must be a relative file path, found '" + file + "'"));
    }
    if (!pattern.isEmpty()) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        out.add(
            Diagnostic.error(
                at + ".pathRegexp",
                "invalid regular expression '" + pattern + "': " + e.getDescription()));
      }
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || !value.isTextual() ? "" : value.asText();
  }
}
