package io.caravan.routes.source.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last event of one calendar with {@code persistence}: read once on start (retried until the
 * store answers, as a missing ConfigMap may be created later), saved after every dispatched event.
 * The key is the endpoint name, {@code <eventSourceName>.<eventName>}, as Argo's.
 */
final class CalendarPersistence {
  private static final Logger LOG = LoggerFactory.getLogger(CalendarPersistence.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration MAX_RETRY = Duration.ofSeconds(30);

  private final CalendarEventStore store;
  private final String configMap;
  private final boolean create;
  private final String key;

  CalendarPersistence(CalendarEventStore store, CalendarEndpoint endpoint) {
    this.store = store;
    this.configMap = endpoint.getPersistenceConfigMap();
    this.create = endpoint.isPersistenceCreate();
    this.key = endpoint.getName();
  }

  /**
   * The time of the last saved event, or null when none was saved (or it cannot be read as one).
   * Retries with a growing pause while the store fails; null as well when {@code running} turns
   * false meanwhile.
   */
  Instant lastEventTime(BooleanSupplier running) throws InterruptedException {
    Duration pause = FIRST_RETRY;
    while (running.getAsBoolean()) {
      String saved;
      try {
        saved = store.load(configMap, create, key);
      } catch (RuntimeException e) {
        LOG.error(
            "argo-calendar {}: cannot read the last event from {}: {}; retrying in {} s",
            key,
            store.describe(configMap),
            e.getMessage(),
            pause.toSeconds());
        Thread.sleep(pause.toMillis());
        pause = pause.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : pause.multipliedBy(2);
        continue;
      }
      return saved == null ? null : eventTime(saved);
    }
    return null;
  }

  private Instant eventTime(String saved) {
    try {
      JsonNode data = JSON.readTree(saved);
      return GoTimeFormat.parse(data.path("eventTime").asText(null));
    } catch (Exception e) {
      LOG.error(
          "argo-calendar {}: the last event in {} (key {}) has no readable eventTime, catching up from "
              + "now: {}",
          key,
          store.describe(configMap),
          key,
          e.getMessage());
      return null;
    }
  }

  /** Saves a dispatched event's data; a failure is logged (the event itself was delivered). */
  void save(ObjectNode eventData) {
    try {
      store.save(configMap, create, key, JSON.writeValueAsString(eventData));
    } catch (Exception e) {
      LOG.error(
          "argo-calendar {}: event dispatched, but not saved in {}: {} (a catch-up after a restart "
              + "may send it again)",
          key,
          store.describe(configMap),
          e.getMessage());
    }
  }

  String describe() {
    return store.describe(configMap) + " key " + key;
  }
}
