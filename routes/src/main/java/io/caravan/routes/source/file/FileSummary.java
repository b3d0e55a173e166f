package io.caravan.routes.source.file;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;

/** {@code caravan run}'s line for a file event: directory, path or pattern, operation, mode. */
public final class FileSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "file-source";
  }

  @Override
  public String heading() {
    return "Watched files";
  }

  @Override
  public String describe(Map<String, Object> parameters) {
    Object path = parameters.get("filePath");
    return parameters.get("directory")
        + (path != null
            ? " path '" + path + "'"
            : " pathRegexp '" + parameters.get("filePathRegexp") + "'")
        + " on "
        + parameters.get("eventType")
        + (Boolean.parseBoolean(String.valueOf(parameters.get("polling")))
            ? " (polling)"
            : " (inotify)");
  }
}
