package io.caravan.generator.source;

/**
 * One event of an EventSource as a translator sees it: the EventSource's and the event's names, the
 * event's settings and its field path in the manifest (e.g. {@code spec.webhook.example}).
 */
public record SourceEvent<T>(String eventSourceName, String eventName, T config, String path) {

  /** {@code path} plus a field name, for diagnostics. */
  public String path(String field) {
    return path + "." + field;
  }
}
