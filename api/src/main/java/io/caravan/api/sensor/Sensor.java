package io.caravan.api.sensor;

import io.caravan.api.ArgoResource;

/** An Argo Events {@code Sensor} ({@code argoproj.io/v1alpha1}). */
public class Sensor extends ArgoResource {

  public static final String KIND = "Sensor";

  private SensorSpec spec;

  @Override
  public SensorSpec getSpec() {
    return spec;
  }

  public void setSpec(SensorSpec spec) {
    this.spec = spec;
  }
}
