package io.caravan.controller.metrics;

import io.caravan.controller.model.ArgoStatus;
import io.caravan.controller.model.EventBusResource;
import io.caravan.controller.model.EventSourceResource;
import io.caravan.controller.model.SensorResource;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts EventSources, Sensors and EventBuses by readiness (every condition True) in the watched
 * namespaces.
 */
public final class ResourceCounts {

  private ResourceCounts() {}

  public static Map<String, long[]> count(KubernetesClient client, Set<String> namespaces) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    counts.put("EventBus", count(client, EventBusResource.class, namespaces));
    counts.put("EventSource", count(client, EventSourceResource.class, namespaces));
    counts.put("Sensor", count(client, SensorResource.class, namespaces));
    return counts;
  }

  private static <T extends CustomResource<?, ArgoStatus>> long[] count(
      KubernetesClient client, Class<T> type, Set<String> namespaces) {
    List<T> items =
        namespaces.isEmpty()
            ? client.resources(type).inAnyNamespace().list().getItems()
            : namespaces.stream()
                .flatMap(ns -> client.resources(type).inNamespace(ns).list().getItems().stream())
                .toList();
    long ready =
        items.stream().filter(i -> i.getStatus() != null && i.getStatus().isReady()).count();
    return new long[] {ready, items.size() - ready};
  }
}
