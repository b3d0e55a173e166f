package io.caravan.api.eventbus;

import io.caravan.api.ArgoResource;

/** An Argo Events {@code EventBus} ({@code argoproj.io/v1alpha1}). */
public class EventBus extends ArgoResource {

  public static final String KIND = "EventBus";

  private EventBusSpec spec;

  @Override
  public EventBusSpec getSpec() {
    return spec;
  }

  public void setSpec(EventBusSpec spec) {
    this.spec = spec;
  }
}
