package io.caravan.routes.source.calendar;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Last events kept in this JVM only: catch-up works across route restarts, not process restarts.
 */
public final class InMemoryCalendarEventStore implements CalendarEventStore {
  private final Map<String, Map<String, String>> configMaps = new ConcurrentHashMap<>();

  @Override
  public String load(String configMap, boolean create, String key) {
    return configMaps.computeIfAbsent(configMap, name -> new ConcurrentHashMap<>()).get(key);
  }

  @Override
  public void save(String configMap, boolean create, String key, String eventData) {
    configMaps.computeIfAbsent(configMap, name -> new ConcurrentHashMap<>()).put(key, eventData);
  }

  @Override
  public String describe(String configMap) {
    return "ConfigMap " + configMap + " (in memory)";
  }
}
