package io.caravan.api.eventsource;

import io.caravan.api.ArgoResource;

/** An Argo Events {@code EventSource} ({@code argoproj.io/v1alpha1}). */
public class EventSource extends ArgoResource {

  public static final String KIND = "EventSource";

  private EventSourceSpec spec;

  @Override
  public EventSourceSpec getSpec() {
    return spec;
  }

  public void setSpec(EventSourceSpec spec) {
    this.spec = spec;
  }
}
