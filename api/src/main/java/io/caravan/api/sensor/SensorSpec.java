package io.caravan.api.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ArgoObject;
import java.util.List;
import java.util.Map;

/** Spec of a Sensor: dependencies and triggers. */
public class SensorSpec extends ArgoObject {

  private List<EventDependency> dependencies;
  private List<Trigger> triggers;
  private JsonNode template;
  private String eventBusName;
  private Integer replicas;
  private Integer revisionHistoryLimit;
  private Boolean errorOnFailedRound;
  private Map<String, String> loggingFields;

  public List<EventDependency> getDependencies() {
    return dependencies;
  }

  public void setDependencies(List<EventDependency> dependencies) {
    this.dependencies = dependencies;
  }

  public List<Trigger> getTriggers() {
    return triggers;
  }

  public void setTriggers(List<Trigger> triggers) {
    this.triggers = triggers;
  }

  public JsonNode getTemplate() {
    return template;
  }

  public void setTemplate(JsonNode template) {
    this.template = template;
  }

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

  public Integer getRevisionHistoryLimit() {
    return revisionHistoryLimit;
  }

  public void setRevisionHistoryLimit(Integer revisionHistoryLimit) {
    this.revisionHistoryLimit = revisionHistoryLimit;
  }

  public Boolean getErrorOnFailedRound() {
    return errorOnFailedRound;
  }

  public void setErrorOnFailedRound(Boolean errorOnFailedRound) {
    this.errorOnFailedRound = errorOnFailedRound;
  }

  public Map<String, String> getLoggingFields() {
    return loggingFields;
  }

  public void setLoggingFields(Map<String, String> loggingFields) {
    this.loggingFields = loggingFields;
  }
}
