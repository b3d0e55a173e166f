package io.caravan.routes.source.resource;

/**
 * Where resource events keep their {@link ResourceProgress}, one text per {@code
 * <eventSourceName>.<eventName>}: a ConfigMap {@code caravan-resource-<eventSourceName>} in a
 * cluster, files under {@code caravan run --state-dir}, or memory.
 */
public interface ResourceProgressStore {

  /** The saved progress text of {@code eventSource}/{@code key}, or null when none was saved. */
  String load(String eventSource, String key);

  /** Replaces the saved progress of {@code eventSource}/{@code key}. */
  void save(String eventSource, String key, String progress);

  /** Where it is kept, for messages. */
  String describe(String eventSource);

  /** The ConfigMap (or file) name of an EventSource's progress. */
  static String name(String eventSource) {
    return "caravan-resource-" + eventSource;
  }
}
