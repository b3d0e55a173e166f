package io.caravan.routes.source.resource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;

/**
 * Progress in a ConfigMap {@code caravan-resource-<eventSource>} of the EventSource's namespace,
 * one key per event, created on first save. Needs get, create and update on ConfigMaps for the
 * pod's service account. Saves change only their own key, so events sharing the ConfigMap do not
 * overwrite each other.
 */
public final class ConfigMapResourceProgressStore implements ResourceProgressStore {
  private static final int CONFLICT = 409;
  private static final int ATTEMPTS = 5;

  private final KubernetesClient client;
  private final String namespace;

  public ConfigMapResourceProgressStore(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  @Override
  public String load(String eventSource, String key) {
    ConfigMap map = resource(eventSource).get();
    return map == null || map.getData() == null ? null : map.getData().get(key);
  }

  @Override
  public void save(String eventSource, String key, String progress) {
    for (int attempt = 1; ; attempt++) {
      try {
        if (resource(eventSource).get() == null) {
          create(eventSource);
        }
        resource(eventSource)
            .edit(map -> new ConfigMapBuilder(map).addToData(key, progress).build());
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != CONFLICT || attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  @Override
  public String describe(String eventSource) {
    return "ConfigMap " + namespace + "/" + ResourceProgressStore.name(eventSource);
  }

  private void create(String eventSource) {
    try {
      client
          .configMaps()
          .inNamespace(namespace)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName(ResourceProgressStore.name(eventSource))
                  .withNamespace(namespace)
                  .addToLabels("app.kubernetes.io/managed-by", "caravan")
                  .addToLabels("eventsource-name", eventSource)
                  .endMetadata()
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != CONFLICT) {
        throw e; // 409: another event of the EventSource created it first
      }
    }
  }

  private Resource<ConfigMap> resource(String eventSource) {
    return client
        .configMaps()
        .inNamespace(namespace)
        .withName(ResourceProgressStore.name(eventSource));
  }
}
