package io.caravan.routes.source.resource;

import io.caravan.routes.bus.EventBusComponent;
import io.caravan.routes.support.kubernetes.KubernetesClients;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.nats.client.Connection;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code argo-resource:<eventSource>/<event>} component: a list-and-watch of one Kubernetes
 * group/version/resource with Argo's resource-source semantics (inventory §1.5.3), through the
 * context's Kubernetes client. Each event's progress is kept in the {@link ResourceProgressStore}
 * bean of the registry when there is one, else where {@link #setStore} says: ConfigMaps (the
 * default, in {@link #setNamespace}), {@code memory}, or {@code dir:PATH} (what {@code caravan run
 * --state-dir} sets), as calendar persistence does.
 */
public class ResourceSourceComponent extends DefaultComponent {
  /**
   * {@link #setStore} value (the default): the bus's KV store when the bus is JetStream, else a
   * ConfigMap per EventSource.
   */
  public static final String STORE_AUTO = "auto";

  /** {@link #setStore} value: the JetStream bus's KV store. */
  public static final String STORE_BUS = "bus";

  /** {@link #setStore} value: a ConfigMap per EventSource. */
  public static final String STORE_CONFIGMAP = "configmap";

  /** {@link #setStore} value: in this JVM only. */
  public static final String STORE_MEMORY = "memory";

  /** {@link #setStore} prefix: files in a directory, {@code dir:/var/lib/caravan}. */
  public static final String STORE_DIRECTORY_PREFIX = "dir:";

  private String store = STORE_AUTO;
  private String namespace;
  private ResourceProgressStore progressStore;
  private final Set<ResourceSourceConsumer> consumers = ConcurrentHashMap.newKeySet();

  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    String name = remaining.startsWith("//") ? remaining.substring(2) : remaining;
    if (name.isBlank()) {
      throw new IllegalArgumentException(
          "argo-resource URI must be argo-resource:<eventSource>/<event>, got '" + uri + "'");
    }
    ResourceSourceEndpoint endpoint = new ResourceSourceEndpoint(uri, this, name);
    setProperties(endpoint, parameters);
    return endpoint;
  }

  /**
   * Whether every started resource event has done its first list (or diff) and has its watch open:
   * a readiness signal for tests and health checks.
   */
  public boolean isWatching() {
    return !consumers.isEmpty() && consumers.stream().allMatch(ResourceSourceConsumer::isWatching);
  }

  void started(ResourceSourceConsumer consumer) {
    consumers.add(consumer);
  }

  void stopped(ResourceSourceConsumer consumer) {
    consumers.remove(consumer);
  }

  /**
   * Where progress is kept: {@code auto} (the default), {@code bus}, {@code configmap}, {@code
   * memory} or {@code dir:PATH}.
   */
  public void setStore(String store) {
    this.store = store;
  }

  public String getStore() {
    return store;
  }

  /**
   * The EventSource's namespace: progress ConfigMaps and Warning Events go there; default the
   * client's (in a pod: the pod's namespace).
   */
  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getNamespace() {
    return namespace;
  }

  KubernetesClient client() {
    return KubernetesClients.of(getCamelContext());
  }

  /** The EventSource's namespace, as set or the client's. */
  String eventSourceNamespace() {
    if (namespace != null && !namespace.isBlank()) {
      return namespace;
    }
    String ns = client().getNamespace();
    return ns == null || ns.isBlank() ? "default" : ns;
  }

  /** The progress store, resolved on first use. */
  synchronized ResourceProgressStore progressStore() {
    if (progressStore == null) {
      ResourceProgressStore bound =
          getCamelContext().getRegistry().findSingleByType(ResourceProgressStore.class);
      progressStore = bound != null ? bound : createStore();
    }
    return progressStore;
  }

  private ResourceProgressStore createStore() {
    String kind = store == null || store.isBlank() ? STORE_AUTO : store.trim();
    if (kind.equals(STORE_AUTO) || kind.equals(STORE_BUS)) {
      Connection connection = busConnection();
      if (connection != null) {
        return new JetStreamResourceProgressStore(connection);
      }
      if (kind.equals(STORE_BUS)) {
        throw new IllegalStateException(
            "argo-resource store 'bus' needs the JetStream event bus (camel.component.eventbus.url)");
      }
      kind = STORE_CONFIGMAP;
    }
    if (kind.equals(STORE_MEMORY)) {
      return new InMemoryResourceProgressStore();
    }
    if (kind.startsWith(STORE_DIRECTORY_PREFIX)) {
      return new FileResourceProgressStore(
          Path.of(kind.substring(STORE_DIRECTORY_PREFIX.length())));
    }
    if (!kind.equals(STORE_CONFIGMAP)) {
      throw new IllegalArgumentException(
          "argo-resource store must be auto, bus, configmap, memory or dir:PATH, not '"
              + store
              + "'");
    }
    return new ConfigMapResourceProgressStore(client(), eventSourceNamespace());
  }

  /** The JetStream connection of the context's event bus, or null when the bus is not JetStream. */
  private Connection busConnection() {
    if (!(getCamelContext().getComponent("eventbus") instanceof EventBusComponent bus)) {
      return null;
    }
    try {
      return bus.jetStreamConnection();
    } catch (Exception e) {
      throw new IllegalStateException("argo-resource: the event bus is not reachable", e);
    }
  }
}
