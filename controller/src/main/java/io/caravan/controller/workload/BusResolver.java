package io.caravan.controller.workload;

import io.caravan.controller.model.ArgoStatus;
import io.caravan.controller.model.EventBusResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * Finds the EventBus an EventSource or Sensor names and reads its resolved connection from its
 * status.
 */
public final class BusResolver {

  public static final String DEFAULT_BUS = "default";

  /** The connection, or why there is none ({@code reason} is an Argo Deployed-condition reason). */
  public record Resolution(BusConnection connection, String reason, String message) {
    public boolean ok() {
      return connection != null;
    }
  }

  private final KubernetesClient client;

  public BusResolver(KubernetesClient client) {
    this.client = client;
  }

  public static String busName(Object eventBusName) {
    return eventBusName instanceof String s && !s.isBlank() ? s : DEFAULT_BUS;
  }

  public Resolution resolve(String namespace, String busName) {
    EventBusResource bus =
        client.resources(EventBusResource.class).inNamespace(namespace).withName(busName).get();
    if (bus == null) {
      return new Resolution(
          null,
          "EventBusNotFound",
          "EventBus '" + busName + "' not found in namespace " + namespace);
    }
    ArgoStatus status = bus.getStatus();
    Map<String, Object> config = status == null ? null : status.getConfig();
    if (status != null
        && status.isReady()
        && config != null
        && config.get("kafka") instanceof Map<?, ?> kafka) {
      String url = "kafka://" + kafka.get("url") + "?topic=" + kafka.get("topic");
      return new Resolution(new BusConnection(url, null, null, null), null, null);
    }
    if (status == null
        || !status.isReady()
        || config == null
        || !(config.get("jetstream") instanceof Map<?, ?> js)) {
      return new Resolution(null, "EventBusNotReady", "EventBus '" + busName + "' is not ready");
    }
    Object url = js.get("url");
    String secretName = null;
    String secretKey = null;
    if (js.get("accessSecret") instanceof Map<?, ?> secret) {
      secretName = secret.get("name") instanceof String n ? n : null;
      secretKey = secret.get("key") instanceof String k ? k : null;
    }
    Object stream = js.get("streamConfig");
    return new Resolution(
        new BusConnection(
            String.valueOf(url), secretName, secretKey, stream instanceof String s ? s : null),
        null,
        null);
  }
}
