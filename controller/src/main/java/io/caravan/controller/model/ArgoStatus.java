package io.caravan.controller.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Status of the three kinds: Argo's {@code conditions} (kept sorted by type; "ready" means every
 * condition is True, as in Argo) plus Caravan's bookkeeping. {@code config} is only set on an
 * EventBus (the resolved bus connection, as Argo's {@code status.config}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ArgoStatus {

  private List<ArgoCondition> conditions = new ArrayList<>();
  private Long observedGeneration;
  private Long lastGoodGeneration;
  private String routesHash;
  private Map<String, Object> config;

  public List<ArgoCondition> getConditions() {
    return conditions;
  }

  public void setConditions(List<ArgoCondition> conditions) {
    this.conditions = conditions == null ? new ArrayList<>() : new ArrayList<>(conditions);
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  /** The generation whose routes are running (keep-last-good). */
  public Long getLastGoodGeneration() {
    return lastGoodGeneration;
  }

  public void setLastGoodGeneration(Long lastGoodGeneration) {
    this.lastGoodGeneration = lastGoodGeneration;
  }

  /** Hash of the routes that are running. */
  public String getRoutesHash() {
    return routesHash;
  }

  public void setRoutesHash(String routesHash) {
    this.routesHash = routesHash;
  }

  public Map<String, Object> getConfig() {
    return config;
  }

  public void setConfig(Map<String, Object> config) {
    this.config = config;
  }

  public Optional<ArgoCondition> condition(String type) {
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /**
   * Sets a condition; the transition time changes only when the status does. Conditions stay sorted
   * by type, as Argo keeps them.
   */
  public void set(String type, boolean status, String reason, String message) {
    String value = status ? "True" : "False";
    Optional<ArgoCondition> existing = condition(type);
    String time =
        existing
            .filter(c -> value.equals(c.getStatus()))
            .map(ArgoCondition::getLastTransitionTime)
            .orElse(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    conditions.removeIf(c -> type.equals(c.getType()));
    conditions.add(new ArgoCondition(type, value, reason, message, time));
    conditions.sort(Comparator.comparing(ArgoCondition::getType));
  }

  /** Sets a condition to Unknown (what Argo initialises every condition to). */
  public void setUnknown(String type) {
    conditions.removeIf(c -> type.equals(c.getType()));
    conditions.add(
        new ArgoCondition(
            type, "Unknown", null, null, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
    conditions.sort(Comparator.comparing(ArgoCondition::getType));
  }

  /** Every condition is True (and there is at least one). */
  @JsonIgnore
  public boolean isReady() {
    return !conditions.isEmpty() && conditions.stream().allMatch(ArgoCondition::isTrue);
  }

  /** Same conditions (ignoring times), same bookkeeping: writing it again would change nothing. */
  public boolean sameAs(ArgoStatus other) {
    if (other == null) {
      return false;
    }
    return summary(this).equals(summary(other))
        && Objects.equals(observedGeneration, other.observedGeneration)
        && Objects.equals(lastGoodGeneration, other.lastGoodGeneration)
        && Objects.equals(routesHash, other.routesHash)
        && Objects.equals(config, other.config);
  }

  private static List<String> summary(ArgoStatus status) {
    return status.conditions.stream()
        .map(c -> c.getType() + "|" + c.getStatus() + "|" + c.getReason() + "|" + c.getMessage())
        .toList();
  }
}
