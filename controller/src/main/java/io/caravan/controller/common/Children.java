package io.caravan.controller.common;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates or updates owned objects. The desired object carries {@link Labels#SPEC_HASH}; an
 * existing object whose hash matches is left alone, so nothing is written (and no pod rolls) when
 * nothing changed. No server-side apply: the same calls work on every API server and in the tests'
 * mock.
 */
public final class Children {

  private final KubernetesClient client;

  public Children(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Sets owner reference and spec hash on {@code desired}, then creates or updates it when needed.
   */
  public <T extends HasMetadata> T apply(HasMetadata owner, T desired) {
    desired.getMetadata().setNamespace(owner.getMetadata().getNamespace());
    desired.getMetadata().setOwnerReferences(List.of(ownerReference(owner)));
    String hash = SpecHash.of(desired);
    Map<String, String> annotations =
        desired.getMetadata().getAnnotations() == null
            ? new HashMap<>()
            : new HashMap<>(desired.getMetadata().getAnnotations());
    annotations.put(Labels.SPEC_HASH, hash);
    desired.getMetadata().setAnnotations(annotations);
    T existing = client.resource(desired).get();
    if (existing == null) {
      return client.resource(desired).create();
    }
    Map<String, String> current = existing.getMetadata().getAnnotations();
    if (current != null && hash.equals(current.get(Labels.SPEC_HASH))) {
      return existing;
    }
    // A full update (not a merge patch), so keys removed from the desired object go away too.
    desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
    return client.resource(desired).update();
  }

  /** Deletes a child by kind and name when it exists. */
  public void delete(Class<? extends HasMetadata> type, String namespace, String name) {
    client.resources(type).inNamespace(namespace).withName(name).delete();
  }

  public static OwnerReference ownerReference(HasMetadata owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }
}
