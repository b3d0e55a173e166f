package io.caravan.api.eventsource;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ArgoObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spec of an EventSource: the deployment settings, and the event sources of every Argo type kept as
 * written in {@link #sources()}, keyed by their spec key (see {@link EventSourceTypes}). Keys that
 * are no Argo type are unknown fields.
 */
public class EventSourceSpec extends ArgoObject {

  private String eventBusName;
  private Integer replicas;
  private JsonNode template;
  private JsonNode service;
  private final Map<String, JsonNode> sources = new LinkedHashMap<>();

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

  /**
   * The event sources of each Argo type, keyed by spec key (e.g. {@code webhook}) in manifest
   * order, each as written: a mapping of event name to that event's settings. The route generator
   * binds each type to its own model (one folder per type), so adding a type changes nothing here.
   */
  public Map<String, JsonNode> sources() {
    return sources;
  }

  /** The events of one type as written, or null when the spec has none of that type. */
  public JsonNode sources(String type) {
    return sources.get(type);
  }

  @Override
  public void putAdditionalField(String key, JsonNode value) {
    if (EventSourceTypes.isKnown(key)) {
      sources.put(key, value);
    } else {
      super.putAdditionalField(key, value);
    }
  }

  @Override
  public Map<String, JsonNode> additionalFields() {
    Map<String, JsonNode> all = new LinkedHashMap<>(sources);
    all.putAll(unknownFields());
    return all;
  }
}
