package io.caravan.routes.source.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** The watched objects as the API server is asked for them, and what identifies one. */
final class ResourceObjects {
  private ResourceObjects() {}

  /** The endpoint's resource in its namespace (or all), as generic objects. */
  static FilterWatchListDeletable<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      resources(KubernetesClient client, ResourceSourceEndpoint endpoint) {
    MixedOperation<
            GenericKubernetesResource,
            GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>>
        all =
            client.genericKubernetesResources(
                new ResourceDefinitionContext.Builder()
                    .withGroup(endpoint.getGroup())
                    .withVersion(endpoint.getVersion())
                    .withPlural(endpoint.getResource())
                    .withNamespaced(true)
                    .build());
    String namespace = endpoint.getNamespace();
    return namespace == null || namespace.isBlank()
        ? all.inAnyNamespace()
        : all.inNamespace(namespace);
  }

  static ListOptions options(ResourceSourceEndpoint endpoint, String resourceVersion) {
    ListOptionsBuilder options = new ListOptionsBuilder();
    String selector = endpoint.getLabelSelector();
    if (selector != null && !selector.isBlank()) {
      options.withLabelSelector(selector);
    }
    if (resourceVersion != null) {
      options.withResourceVersion(resourceVersion).withAllowWatchBookmarks(true);
    }
    return options.build();
  }

  static String key(JsonNode object) {
    JsonNode meta = object.path("metadata");
    return meta.path("namespace").asText("") + "/" + meta.path("name").asText("");
  }

  static String uid(JsonNode object) {
    return object.path("metadata").path("uid").asText("");
  }

  static String resourceVersion(JsonNode object) {
    return object.path("metadata").path("resourceVersion").asText("");
  }

  /**
   * {@code <eventSource>:<event>:<uid>:<resourceVersion>:<type>}: the same change gets the same id,
   * so the bus drops a copy sent again after a crash.
   */
  static String eventId(ResourceSourceEndpoint endpoint, String type, JsonNode object) {
    return String.join(
        ":",
        endpoint.getEventSourceName(),
        endpoint.getEventName(),
        uid(object),
        resourceVersion(object),
        type);
  }
}
