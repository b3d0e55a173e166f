package io.caravan.routes.source.calendar;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;

/**
 * Last events in real ConfigMaps of one namespace, as Argo keeps them. Needs get, create and update
 * on ConfigMaps for the pod's service account (create only with {@code createIfNotExist}). Saves
 * patch only their own key, so calendars sharing a ConfigMap do not overwrite each other.
 */
public final class ConfigMapCalendarEventStore implements CalendarEventStore {
  private static final int CONFLICT = 409;
  private static final int ATTEMPTS = 5;

  private final KubernetesClient client;
  private final String namespace;

  public ConfigMapCalendarEventStore(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  @Override
  public String load(String configMap, boolean create, String key) {
    ConfigMap map = resource(configMap).get();
    if (map == null) {
      if (!create) {
        throw missing(configMap);
      }
      createEmpty(configMap);
      return null;
    }
    return map.getData() == null ? null : map.getData().get(key);
  }

  @Override
  public void save(String configMap, boolean create, String key, String eventData) {
    for (int attempt = 1; ; attempt++) {
      try {
        if (resource(configMap).get() == null) {
          if (!create) {
            throw missing(configMap);
          }
          createEmpty(configMap);
        }
        resource(configMap)
            .edit(map -> new ConfigMapBuilder(map).addToData(key, eventData).build());
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != CONFLICT || attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  @Override
  public String describe(String configMap) {
    return "ConfigMap " + namespace + "/" + configMap;
  }

  private void createEmpty(String configMap) {
    try {
      client
          .configMaps()
          .inNamespace(namespace)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName(configMap)
                  .withNamespace(namespace)
                  .endMetadata()
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != CONFLICT) {
        throw e; // 409: another replica or calendar created it first
      }
    }
  }

  private Resource<ConfigMap> resource(String configMap) {
    return client.configMaps().inNamespace(namespace).withName(configMap);
  }

  private IllegalStateException missing(String configMap) {
    return new IllegalStateException(
        describe(configMap)
            + " does not exist and persistence.configMap.createIfNotExist is false");
  }
}
