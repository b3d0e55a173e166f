package io.caravan.routes.support.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Conversions between the forms a Kubernetes object takes in a trigger: text, Map, JsonNode,
 * fabric8.
 */
public final class KubernetesObjects {
  public static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final ObjectMapper YAML = new YAMLMapper();

  private KubernetesObjects() {}

  /**
   * The body of a sink message (JSON/YAML text or bytes, a Map, a JsonNode or a fabric8 resource)
   * as an object.
   */
  public static ObjectNode toObject(Object body, String what) {
    JsonNode node;
    try {
      if (body instanceof byte[] bytes) {
        node = YAML.readTree(bytes);
      } else if (body instanceof String text) {
        node = YAML.readTree(text);
      } else if (body instanceof JsonNode json) {
        node = json.deepCopy();
      } else if (body instanceof Map<?, ?> || body instanceof GenericKubernetesResource) {
        node = JSON.valueToTree(body);
      } else {
        node = null;
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(what + ": not valid YAML/JSON: " + e.getMessage(), e);
    }
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException(
          what
              + ": must be a Kubernetes object (JSON/YAML text or a Map), got "
              + (body == null ? "nothing" : body.getClass().getName()));
    }
    return object;
  }

  public static GenericKubernetesResource toResource(ObjectNode object) {
    GenericKubernetesResource resource = JSON.convertValue(object, GenericKubernetesResource.class);
    if (resource.getMetadata() == null) {
      resource.setMetadata(new ObjectMeta());
    }
    return resource;
  }

  public static ObjectNode toObject(GenericKubernetesResource resource) {
    return JSON.valueToTree(resource);
  }

  /** {@code object.metadata}, created when missing. */
  public static ObjectNode metadata(ObjectNode object) {
    JsonNode metadata = object.get("metadata");
    return metadata instanceof ObjectNode m ? m : object.putObject("metadata");
  }

  /** {@code object.metadata.labels}, created when missing. */
  public static ObjectNode labels(ObjectNode object) {
    ObjectNode metadata = metadata(object);
    JsonNode labels = metadata.get("labels");
    return labels instanceof ObjectNode l ? l : metadata.putObject("labels");
  }

  public static String text(JsonNode node, String pointer) {
    JsonNode value = node.at(pointer);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  /**
   * Deep-merges {@code update} over {@code live} in place, as Argo's update does (mergo with
   * override): objects merge key by key, any other value of {@code update} replaces the live one.
   */
  public static void mergeOver(ObjectNode live, ObjectNode update) {
    Iterator<Map.Entry<String, JsonNode>> fields = update.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode current = live.get(field.getKey());
      if (current instanceof ObjectNode currentObject
          && field.getValue() instanceof ObjectNode newObject) {
        mergeOver(currentObject, newObject);
      } else {
        live.set(field.getKey(), field.getValue().deepCopy());
      }
    }
  }
}
