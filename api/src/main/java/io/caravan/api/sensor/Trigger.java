package io.caravan.api.sensor;

import io.caravan.api.ArgoObject;
import java.util.List;

/** One {@code spec.triggers[]} entry: the action and how it is run. */
public class Trigger extends ArgoObject {

  private TriggerTemplate template;
  private List<TriggerParameter> parameters;
  private TriggerPolicy policy;
  private Backoff retryStrategy;
  private RateLimit rateLimit;
  private Boolean atLeastOnce;
  private Trigger dlqTrigger;

  public TriggerTemplate getTemplate() {
    return template;
  }

  public void setTemplate(TriggerTemplate template) {
    this.template = template;
  }

  public List<TriggerParameter> getParameters() {
    return parameters;
  }

  public void setParameters(List<TriggerParameter> parameters) {
    this.parameters = parameters;
  }

  public TriggerPolicy getPolicy() {
    return policy;
  }

  public void setPolicy(TriggerPolicy policy) {
    this.policy = policy;
  }

  public Backoff getRetryStrategy() {
    return retryStrategy;
  }

  public void setRetryStrategy(Backoff retryStrategy) {
    this.retryStrategy = retryStrategy;
  }

  public RateLimit getRateLimit() {
    return rateLimit;
  }

  public void setRateLimit(RateLimit rateLimit) {
    this.rateLimit = rateLimit;
  }

  public Boolean getAtLeastOnce() {
    return atLeastOnce;
  }

  public void setAtLeastOnce(Boolean atLeastOnce) {
    this.atLeastOnce = atLeastOnce;
  }

  public Trigger getDlqTrigger() {
    return dlqTrigger;
  }

  public void setDlqTrigger(Trigger dlqTrigger) {
    this.dlqTrigger = dlqTrigger;
  }
}
