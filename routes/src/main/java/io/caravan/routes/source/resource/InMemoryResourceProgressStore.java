package io.caravan.routes.source.resource;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Progress kept in this JVM only: a restart of the process starts over as Argo does. */
public final class InMemoryResourceProgressStore implements ResourceProgressStore {
  private final Map<String, String> saved = new ConcurrentHashMap<>();

  @Override
  public String load(String eventSource, String key) {
    return saved.get(eventSource + "/" + key);
  }

  @Override
  public void save(String eventSource, String key, String progress) {
    saved.put(eventSource + "/" + key, progress);
  }

  @Override
  public String describe(String eventSource) {
    return "memory";
  }
}
