package io.caravan.controller.workload;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/**
 * The ConfigMap holding an EventSource's or Sensor's generated routes. It holds references to
 * secrets ({@code name/key}), never their values: the generator never reads a Secret.
 */
public final class RoutesConfigMapDependent {

  private RoutesConfigMapDependent() {}

  public static ConfigMap desired(HasMetadata owner, WorkloadKind kind, String routesYaml) {
    String name = owner.getMetadata().getName();
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(kind.routesConfigMapName(name))
        .withNamespace(owner.getMetadata().getNamespace())
        .withLabels(kind.labels(name))
        .endMetadata()
        .withData(Map.of(WorkloadKind.ROUTES_KEY, routesYaml))
        .build();
  }
}
