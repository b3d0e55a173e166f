package io.caravan.api.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ArgoObject;

/**
 * Retry settings: {@code steps} attempts, {@code duration} (ns number or Go duration string),
 * {@code factor}, {@code jitter}.
 */
public class Backoff extends ArgoObject {

  private JsonNode duration;
  private Double factor;
  private Double jitter;
  private Integer steps;

  public JsonNode getDuration() {
    return duration;
  }

  public void setDuration(JsonNode duration) {
    this.duration = duration;
  }

  public Double getFactor() {
    return factor;
  }

  public void setFactor(Double factor) {
    this.factor = factor;
  }

  public Double getJitter() {
    return jitter;
  }

  public void setJitter(Double jitter) {
    this.jitter = jitter;
  }

  public Integer getSteps() {
    return steps;
  }

  public void setSteps(Integer steps) {
    this.steps = steps;
  }
}
