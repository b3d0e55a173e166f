package io.caravan.routes.trigger.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.support.kubernetes.KubernetesObjects;
import io.caravan.routes.support.kubernetes.KubernetesResourceTypes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argo's k8s trigger operations on any object, through the generic fabric8 client and API
 * discovery:
 *
 * <ul>
 *   <li>{@code create};
 *   <li>{@code update}: get the live object, deep-merge the new one over it, update; create when
 *       absent;
 *   <li>{@code patch}: send the whole object as the patch body with the patch strategy; create when
 *       absent;
 *   <li>{@code delete}: delete by name; nothing when absent.
 * </ul>
 *
 * Namespaced objects go to {@code namespace} (the caller resolves it); cluster-scoped ones have
 * none.
 */
public final class KubernetesResourceOperations {
  public static final List<String> OPERATIONS = List.of("create", "update", "patch", "delete");

  /** Argo's patch strategies (Kubernetes patch content types); the first is the default. */
  public static final List<String> PATCH_STRATEGIES =
      List.of(
          "application/merge-patch+json", "application/json-patch+json",
          "application/strategic-merge-patch+json", "application/apply-patch+yaml");

  /** Field manager of server-side apply patches. */
  static final String FIELD_MANAGER = "caravan";

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesResourceOperations.class);

  private final KubernetesClient client;
  private final KubernetesResourceTypes types;

  public KubernetesResourceOperations(KubernetesClient client) {
    this(client, new KubernetesResourceTypes(client));
  }

  public KubernetesResourceOperations(KubernetesClient client, KubernetesResourceTypes types) {
    this.client = client;
    this.types = types;
  }

  public KubernetesResourceTypes types() {
    return types;
  }

  /** Whether objects of this apiVersion/kind live in namespaces. */
  public boolean namespaced(ObjectNode object) {
    return typeOf(object).isNamespaceScoped();
  }

  /**
   * Runs {@code operation} on {@code object} in {@code namespace} (ignored for cluster-scoped
   * kinds). Returns the object as the server answered, or null after a delete (or when there was
   * nothing to delete).
   */
  public ObjectNode apply(
      String operation, ObjectNode object, String namespace, String patchStrategy) {
    ResourceDefinitionContext type = typeOf(object);
    GenericKubernetesResource resource = KubernetesObjects.toResource(object);
    resource.getMetadata().setNamespace(type.isNamespaceScoped() ? namespace : null);
    NonNamespaceOperation<
            GenericKubernetesResource,
            GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>>
        resources = resources(type, namespace);
    String kind = resource.getKind();
    switch (operation) {
      case "create" -> {
        return created(resources, resource);
      }
      case "update" -> {
        GenericKubernetesResource live = named(resources, resource).get();
        if (live == null) {
          LOG.info("{} {} not found, creating it", kind, name(resource));
          return created(resources, resource);
        }
        ObjectNode merged = KubernetesObjects.toObject(live);
        KubernetesObjects.mergeOver(merged, KubernetesObjects.toObject(resource));
        GenericKubernetesResource updated =
            resources.resource(KubernetesObjects.toResource(merged)).update();
        LOG.info("updated {} {}", kind, name(updated));
        return KubernetesObjects.toObject(updated);
      }
      case "patch" -> {
        Resource<GenericKubernetesResource> named = named(resources, resource);
        if (named.get() == null) {
          LOG.info("{} {} not found, creating it", kind, name(resource));
          return created(resources, resource);
        }
        GenericKubernetesResource patched =
            named.patch(
                patchContext(patchStrategy),
                KubernetesObjects.JSON.valueToTree(resource).toString());
        LOG.info("patched {} {} ({})", kind, name(patched), patchStrategy);
        return KubernetesObjects.toObject(patched);
      }
      case "delete" -> {
        Resource<GenericKubernetesResource> named = named(resources, resource);
        if (named.get() == null) {
          LOG.info("{} {} not found, nothing to delete", kind, name(resource));
          return null;
        }
        named.delete();
        LOG.info("deleted {} {}", kind, name(resource));
        return null;
      }
      default ->
          throw new IllegalArgumentException(
              "operation '" + operation + "' is not one of " + String.join(", ", OPERATIONS));
    }
  }

  /** The live object with this object's apiVersion, kind and name, or null. */
  public ObjectNode get(ObjectNode object, String namespace) {
    ResourceDefinitionContext type = typeOf(object);
    GenericKubernetesResource live =
        named(resources(type, namespace), KubernetesObjects.toResource(object)).get();
    return live == null ? null : KubernetesObjects.toObject(live);
  }

  static PatchContext patchContext(String strategy) {
    String s =
        strategy == null || strategy.isBlank()
            ? PATCH_STRATEGIES.get(0)
            : strategy.trim().toLowerCase(Locale.ROOT);
    PatchType type =
        switch (s) {
          case "application/merge-patch+json" -> PatchType.JSON_MERGE;
          case "application/json-patch+json" -> PatchType.JSON;
          case "application/strategic-merge-patch+json" -> PatchType.STRATEGIC_MERGE;
          case "application/apply-patch+yaml" -> PatchType.SERVER_SIDE_APPLY;
          default ->
              throw new IllegalArgumentException(
                  "patchStrategy '"
                      + strategy
                      + "' is not one of "
                      + String.join(", ", PATCH_STRATEGIES));
        };
    PatchContext context = PatchContext.of(type);
    if (type == PatchType.SERVER_SIDE_APPLY) {
      context.setFieldManager(FIELD_MANAGER);
    }
    return context;
  }

  private ResourceDefinitionContext typeOf(ObjectNode object) {
    return types.resolve(
        KubernetesObjects.text(object, "/apiVersion"), KubernetesObjects.text(object, "/kind"));
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      resources(ResourceDefinitionContext type, String namespace) {
    return type.isNamespaceScoped()
        ? client.genericKubernetesResources(type).inNamespace(namespace)
        : client.genericKubernetesResources(type);
  }

  private static ObjectNode created(
      NonNamespaceOperation<
              GenericKubernetesResource,
              GenericKubernetesResourceList,
              Resource<GenericKubernetesResource>>
          resources,
      GenericKubernetesResource resource) {
    GenericKubernetesResource created = resources.resource(resource).create();
    LOG.info("created {} {}", created.getKind(), name(created));
    return KubernetesObjects.toObject(created);
  }

  private static Resource<GenericKubernetesResource> named(
      NonNamespaceOperation<
              GenericKubernetesResource,
              GenericKubernetesResourceList,
              Resource<GenericKubernetesResource>>
          resources,
      GenericKubernetesResource resource) {
    String name = resource.getMetadata().getName();
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "the " + resource.getKind() + " needs metadata.name for this operation");
    }
    return resources.withName(name);
  }

  private static String name(GenericKubernetesResource resource) {
    String ns = resource.getMetadata().getNamespace();
    return (ns == null ? "" : ns + "/") + resource.getMetadata().getName();
  }
}
