package io.caravan.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes object metadata. Besides the fields Caravan uses, the other standard {@code
 * ObjectMeta} keys (uid, resourceVersion, creationTimestamp…) are accepted and kept in {@link
 * #kubernetesFields()}; they are not unknown.
 */
public class ObjectMetadata extends ArgoObject {

  /** Standard ObjectMeta keys Caravan ignores but accepts. */
  public static final Set<String> KUBERNETES_FIELDS =
      Set.of(
          "uid",
          "resourceVersion",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "generation",
          "finalizers",
          "ownerReferences",
          "managedFields",
          "selfLink");

  private String name;
  private String namespace;
  private String generateName;
  private Map<String, String> labels;
  private Map<String, String> annotations;
  private final Map<String, JsonNode> kubernetesFields = new LinkedHashMap<>();

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getGenerateName() {
    return generateName;
  }

  public void setGenerateName(String generateName) {
    this.generateName = generateName;
  }

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels;
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }

  /** Accepted standard metadata keys such as uid or resourceVersion, in input order. */
  public Map<String, JsonNode> kubernetesFields() {
    return kubernetesFields;
  }

  @Override
  public void putAdditionalField(String key, JsonNode value) {
    if (KUBERNETES_FIELDS.contains(key)) {
      kubernetesFields.put(key, value);
    } else {
      super.putAdditionalField(key, value);
    }
  }

  @Override
  public Map<String, JsonNode> additionalFields() {
    Map<String, JsonNode> all = new LinkedHashMap<>(kubernetesFields);
    all.putAll(unknownFields());
    return all;
  }
}
