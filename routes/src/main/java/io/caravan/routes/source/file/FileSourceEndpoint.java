package io.caravan.routes.source.file;

import com.google.re2j.Pattern;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** One file event: {@code eventType} operations on entries of {@code directory} that match. */
public class FileSourceEndpoint extends DefaultEndpoint {
  private final String name;
  private String eventSourceName;
  private String eventName;
  private String eventType;
  private String directory;
  private String path;
  private String pathRegexp;
  private boolean polling;
  private String metadata;

  FileSourceEndpoint(String uri, FileSourceComponent component, String name) {
    super(uri, component);
    this.name = name;
  }

  /** {@code <eventSource>/<event>}, for logs. */
  public String getName() {
    return name;
  }

  @Override
  public Producer createProducer() {
    throw new UnsupportedOperationException(
        "argo-file endpoints only consume: " + getEndpointUri());
  }

  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    if (eventType == null || directory == null || (path == null) == (pathRegexp == null)) {
      throw new IllegalArgumentException(
          "argo-file "
              + name
              + ": eventType, directory and one of path and pathRegexp are required");
    }
    FileSourceConsumer consumer = new FileSourceConsumer(this, processor);
    configureConsumer(consumer);
    return consumer;
  }

  /**
   * Argo's match: the entry's path with the directory string stripped equals {@code path}, or
   * contains a match of {@code pathRegexp} (Go's RE2, unanchored).
   */
  boolean matches(String entry, Pattern pattern) {
    String relative = entry.startsWith(directory) ? entry.substring(directory.length()) : entry;
    if (path != null) {
      return path.equals(relative);
    }
    return pattern.matcher(relative).find();
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  public String getEventSourceName() {
    return eventSourceName;
  }

  public void setEventSourceName(String eventSourceName) {
    this.eventSourceName = eventSourceName;
  }

  public String getEventName() {
    return eventName;
  }

  public void setEventName(String eventName) {
    this.eventName = eventName;
  }

  /** The operation name to report, matched exactly. */
  public String getEventType() {
    return eventType;
  }

  public void setEventType(String eventType) {
    this.eventType = blankToNull(eventType);
  }

  public String getDirectory() {
    return directory;
  }

  public void setDirectory(String directory) {
    this.directory = blankToNull(directory);
  }

  public String getFilePath() {
    return path;
  }

  public void setFilePath(String path) {
    this.path = blankToNull(path);
  }

  public String getFilePathRegexp() {
    return pathRegexp;
  }

  public void setFilePathRegexp(String pathRegexp) {
    this.pathRegexp = blankToNull(pathRegexp);
  }

  public boolean isPolling() {
    return polling;
  }

  public void setPolling(boolean polling) {
    this.polling = polling;
  }

  public String getMetadata() {
    return metadata;
  }

  public void setMetadata(String metadata) {
    this.metadata = blankToNull(metadata);
  }
}
