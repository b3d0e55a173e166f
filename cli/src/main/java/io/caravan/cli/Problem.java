package io.caravan.cli;

import io.caravan.api.Manifest;
import io.caravan.generator.Diagnostic;

/**
 * One finding about an input, printed as {@code FILE: Kind/name: field.path: message} (the path
 * part is left out when there is none; {@code Kind/name} becomes {@code document N} when the
 * document could not be read).
 */
record Problem(boolean error, String file, String subject, String path, String message) {

  static Problem of(Manifest manifest, Diagnostic diagnostic) {
    return new Problem(
        diagnostic.isError(),
        file(manifest),
        subject(manifest),
        diagnostic.path(),
        diagnostic.message());
  }

  static Problem error(Manifest manifest, String path, String message) {
    return new Problem(true, file(manifest), subject(manifest), path, message);
  }

  static Problem inputError(String file, String message) {
    return new Problem(true, file, null, null, message);
  }

  /** Errors about the file itself (missing, unreadable), not about one of its documents. */
  private static boolean isFileLevel(String error) {
    return error != null
        && (error.startsWith("no such file")
            || error.startsWith("cannot read file")
            || error.startsWith("cannot list directory"));
  }

  String format() {
    StringBuilder line = new StringBuilder(file);
    if (subject != null) {
      line.append(": ").append(subject);
    }
    if (path != null && !path.isEmpty()) {
      line.append(": ").append(path);
    }
    line.append(": ").append(error ? "" : "warning: ").append(message);
    return line.toString();
  }

  static String file(Manifest manifest) {
    return manifest.file() == null ? "<input>" : manifest.file().toString();
  }

  static String subject(Manifest manifest) {
    if (manifest.kind() == null && manifest.raw() == null && isFileLevel(manifest.error())) {
      return null;
    }
    if (manifest.kind() == null) {
      return "document " + (manifest.documentIndex() + 1);
    }
    return manifest.kind() + "/" + (manifest.name() == null ? "?" : manifest.name());
  }
}
