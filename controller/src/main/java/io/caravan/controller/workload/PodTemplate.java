package io.caravan.controller.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies Argo's {@code spec.template} (pod customisation) to the pod spec and main container the
 * controller built: metadata labels/annotations, serviceAccountName, container resources, env,
 * envFrom, volumeMounts, securityContext, imagePullPolicy; pod volumes, securityContext,
 * nodeSelector, tolerations, affinity, imagePullSecrets, priorityClassName, priority.
 */
public final class PodTemplate {

  @SuppressWarnings("deprecation")
  private static final ObjectMapper MAPPER = Serialization.jsonMapper();

  private final JsonNode template;

  public PodTemplate(JsonNode template) {
    this.template = template == null || !template.isObject() ? MAPPER.createObjectNode() : template;
  }

  public Map<String, String> labels() {
    return stringMap(template.path("metadata").get("labels"));
  }

  public Map<String, String> annotations() {
    return stringMap(template.path("metadata").get("annotations"));
  }

  /** Whether {@code container.env} sets the variable {@code name}. */
  public boolean definesEnv(String name) {
    for (JsonNode variable : template.path("container").path("env")) {
      if (name.equals(variable.path("name").asText(null))) {
        return true;
      }
    }
    return false;
  }

  public void applyToContainer(Container main) {
    JsonNode container = template.path("container");
    if (!container.isObject()) {
      return;
    }
    if (container.has("resources")) {
      main.setResources(convert(container.get("resources"), ResourceRequirements.class));
    }
    if (container.has("securityContext")) {
      main.setSecurityContext(convert(container.get("securityContext"), SecurityContext.class));
    }
    if (container.hasNonNull("imagePullPolicy")) {
      main.setImagePullPolicy(container.get("imagePullPolicy").asText());
    }
    List<EnvVar> env = new ArrayList<>(main.getEnv());
    env.addAll(list(container.get("env"), EnvVar.class));
    main.setEnv(env);
    List<EnvFromSource> envFrom = new ArrayList<>(main.getEnvFrom());
    envFrom.addAll(list(container.get("envFrom"), EnvFromSource.class));
    main.setEnvFrom(envFrom);
    List<VolumeMount> mounts = new ArrayList<>(main.getVolumeMounts());
    mounts.addAll(list(container.get("volumeMounts"), VolumeMount.class));
    main.setVolumeMounts(mounts);
  }

  public void applyToPod(PodSpec pod) {
    if (template.hasNonNull("serviceAccountName")) {
      pod.setServiceAccountName(template.get("serviceAccountName").asText());
    }
    if (template.has("securityContext")) {
      pod.setSecurityContext(convert(template.get("securityContext"), PodSecurityContext.class));
    }
    if (template.has("nodeSelector")) {
      pod.setNodeSelector(stringMap(template.get("nodeSelector")));
    }
    if (template.has("affinity")) {
      pod.setAffinity(convert(template.get("affinity"), Affinity.class));
    }
    if (template.hasNonNull("priorityClassName")) {
      pod.setPriorityClassName(template.get("priorityClassName").asText());
    }
    if (template.has("priority") && template.get("priority").canConvertToInt()) {
      pod.setPriority(template.get("priority").asInt());
    }
    pod.setTolerations(list(template.get("tolerations"), Toleration.class));
    pod.setImagePullSecrets(list(template.get("imagePullSecrets"), LocalObjectReference.class));
    List<Volume> volumes = new ArrayList<>(pod.getVolumes());
    volumes.addAll(list(template.get("volumes"), Volume.class));
    pod.setVolumes(volumes);
  }

  private static <T> T convert(JsonNode node, Class<T> type) {
    return MAPPER.convertValue(node, type);
  }

  private static <T> List<T> list(JsonNode node, Class<T> type) {
    if (node == null || !node.isArray()) {
      return new ArrayList<>();
    }
    return MAPPER.convertValue(
        node, TypeFactory.defaultInstance().constructCollectionType(List.class, type));
  }

  private static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }
}
