package io.caravan.routes.source.calendar;

/**
 * Where a calendar event with {@code persistence} keeps the last event it dispatched, as Argo does:
 * in a ConfigMap {@code persistence.configMap.name}, under the key {@code
 * <eventSourceName>.<eventName>}, the event data as JSON text. In a cluster that is a real
 * ConfigMap ({@link ConfigMapCalendarEventStore}); {@code caravan run} keeps it in files ({@link
 * FileCalendarEventStore}) or in memory.
 */
public interface CalendarEventStore {

  /**
   * The last saved event data under {@code key} of {@code configMap}, or null when none was saved.
   * Creates an empty ConfigMap when it is missing and {@code create} is true.
   *
   * @throws IllegalStateException when the ConfigMap is missing and {@code create} is false
   * @throws RuntimeException when the store cannot be read
   */
  String load(String configMap, boolean create, String key);

  /**
   * Saves {@code eventData} under {@code key} of {@code configMap} (created first when missing and
   * allowed).
   */
  void save(String configMap, boolean create, String key, String eventData);

  /** Where the data is kept, for messages: {@code ConfigMap shop/nightly}, a file path, … */
  String describe(String configMap);
}
