package io.caravan.api.eventsource;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ArgoObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spec of an EventSource. Webhook and calendar sources are typed; the other Argo source types
 * are kept raw in {@link #otherSources()}, keyed by their spec key (see {@link EventSourceTypes}).
 */
public class EventSourceSpec extends ArgoObject {

  private String eventBusName;
  private Integer replicas;
  private JsonNode template;
  private JsonNode service;
  private Map<String, WebhookEventSource> webhook;
  private Map<String, CalendarEventSource> calendar;
  private final Map<String, JsonNode> otherSources = new LinkedHashMap<>();

  public String getEventBusName() {
    return eventBusName;
  }

  public void setEventBusName(String eventBusName) {
    this.eventBusName = eventBusName;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public JsonNode getTemplate() {
    return template;
  }

  public void setTemplate(JsonNode template) {
    this.template = template;
  }

  public JsonNode getService() {
    return service;
  }

  public void setService(JsonNode service) {
    this.service = service;
  }

  public Map<String, WebhookEventSource> getWebhook() {
    return webhook;
  }

  public void setWebhook(Map<String, WebhookEventSource> webhook) {
    this.webhook = webhook;
  }

  public Map<String, CalendarEventSource> getCalendar() {
    return calendar;
  }

  public void setCalendar(Map<String, CalendarEventSource> calendar) {
    this.calendar = calendar;
  }

  /** Argo source types Caravan does not model yet, keyed by spec key (e.g. {@code kafka}). */
  public Map<String, JsonNode> otherSources() {
    return otherSources;
  }

  @Override
  public void putAdditionalField(String key, JsonNode value) {
    if (EventSourceTypes.isKnown(key)) {
      otherSources.put(key, value);
    } else {
      super.putAdditionalField(key, value);
    }
  }

  @Override
  public Map<String, JsonNode> additionalFields() {
    Map<String, JsonNode> all = new LinkedHashMap<>(otherSources);
    all.putAll(unknownFields());
    return all;
  }
}
