package io.caravan.routes.support.kubernetes;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resource (plural name, scope) of an {@code apiVersion}/{@code kind}, found by API discovery
 * ({@code GET /apis/<group>/<version>}, {@code /api/v1}) on the client's API server, so irregular
 * plurals and every cluster-scoped kind are right. When the server does not list the group/version
 * (e.g. a CRD that is not installed, or a fake API server), it falls back to Argo's naive rule
 * ({@link KubernetesResourceNames}). Answers are cached per client and apiVersion/kind.
 */
public final class KubernetesResourceTypes {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesResourceTypes.class);

  private final KubernetesClient client;
  private final Map<String, ResourceDefinitionContext> cache = new ConcurrentHashMap<>();

  public KubernetesResourceTypes(KubernetesClient client) {
    this.client = client;
  }

  /** The resource of {@code apiVersion} ({@code v1}, {@code apps/v1}, …) and {@code kind}. */
  public ResourceDefinitionContext resolve(String apiVersion, String kind) {
    if (apiVersion == null || apiVersion.isBlank() || kind == null || kind.isBlank()) {
      throw new IllegalArgumentException("the object needs apiVersion and kind");
    }
    return cache.computeIfAbsent(apiVersion + "|" + kind, key -> discover(apiVersion, kind));
  }

  private ResourceDefinitionContext discover(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    ResourceDefinitionContext.Builder builder =
        new ResourceDefinitionContext.Builder()
            .withGroup(group)
            .withVersion(version)
            .withKind(kind);
    APIResource found = listed(apiVersion, kind);
    if (found != null) {
      return builder
          .withPlural(found.getName())
          .withNamespaced(Boolean.TRUE.equals(found.getNamespaced()))
          .build();
    }
    String plural = KubernetesResourceNames.plural(kind);
    LOG.debug(
        "{} {} is not listed by the API server; using the derived resource '{}'",
        apiVersion,
        kind,
        plural);
    return builder
        .withPlural(plural)
        .withNamespaced(!KubernetesResourceNames.clusterScoped(plural))
        .build();
  }

  private APIResource listed(String apiVersion, String kind) {
    APIResourceList list;
    try {
      list = client.getApiResources(apiVersion);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return null;
      }
      throw e;
    }
    if (list == null || list.getResources() == null) {
      return null;
    }
    return list.getResources().stream()
        .filter(r -> kind.equals(r.getKind()) && r.getName() != null && !r.getName().contains("/"))
        .findFirst()
        .orElse(null);
  }
}
