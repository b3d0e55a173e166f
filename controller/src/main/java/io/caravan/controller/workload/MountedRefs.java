package io.caravan.controller.workload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Secrets and ConfigMaps a spec refers to ({@code {name, key}} selectors under a field whose
 * name says secret or configMap, as Argo's selectors are named: {@code authSecret}, {@code
 * accessKey}, {@code configMap}…). Argo mounts every one of them into the pod, under {@code
 * /argo-events/secrets/<name>} and {@code /argo-events/config/<name>}; so does Caravan.
 */
public final class MountedRefs {

  private final Set<String> secrets = new TreeSet<>();
  private final Set<String> configMaps = new TreeSet<>();

  private MountedRefs() {}

  public static MountedRefs scan(JsonNode spec) {
    MountedRefs refs = new MountedRefs();
    if (spec != null) {
      refs.walk(spec, "", false);
    }
    return refs;
  }

  public Set<String> secrets() {
    return secrets;
  }

  public Set<String> configMaps() {
    return configMaps;
  }

  private void walk(JsonNode node, String field, boolean underTemplate) {
    if (node.isArray()) {
      node.forEach(item -> walk(item, field, underTemplate));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (!underTemplate && isSelector(node)) {
      String lower = field.toLowerCase(Locale.ROOT);
      String name = node.get("name").asText();
      if (lower.contains("configmap")) {
        configMaps.add(name);
        return;
      }
      if (!lower.equals("template")) {
        secrets.add(name);
        return;
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      // The pod template is Kubernetes' own (env valueFrom…), mounted by Kubernetes, not by
      // Caravan.
      boolean template = underTemplate || (field.isEmpty() && entry.getKey().equals("template"));
      walk(entry.getValue(), entry.getKey(), template);
    }
  }

  private static boolean isSelector(JsonNode node) {
    JsonNode name = node.get("name");
    JsonNode key = node.get("key");
    return name != null && name.isTextual() && key != null && key.isTextual();
  }
}
