package io.caravan.routes.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.api.sensor.ArtifactLocation;
import io.caravan.api.sensor.StandardK8sTrigger;
import io.caravan.routes.event.ArgoEvent;
import java.util.Map;

/**
 * The object of a k8s trigger, as Argo builds it for {@code create}: the inline resource (or the
 * {@code inline} YAML), the k8s {@code parameters} applied, and the labels
 * {@code events.argoproj.io/sensor}, {@code …/trigger} and {@code …/action-timestamp} (milliseconds).
 */
final class KubernetesTriggerMessage {
  static final String SENSOR_LABEL = "events.argoproj.io/sensor";
  static final String TRIGGER_LABEL = "events.argoproj.io/trigger";
  static final String TIMESTAMP_LABEL = "events.argoproj.io/action-timestamp";
  private static final String FIELD = "trigger.template.k8s";
  private static final YAMLMapper YAML = new YAMLMapper();

  private KubernetesTriggerMessage() {}

  /** The object to create, as a Map. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> resource(
      StandardK8sTrigger k8s, Map<String, ArgoEvent> events, String sensor, String trigger) {
    JsonNode resource = source(k8s.getSource());
    resource = TriggerParameters.apply(resource, k8s.getParameters(), events, FIELD + ".parameters");
    if (!(resource instanceof ObjectNode object)) {
      throw new IllegalArgumentException(FIELD + ".source: the resource must be an object");
    }
    ObjectNode metadata = object.has("metadata") && object.get("metadata").isObject()
        ? (ObjectNode) object.get("metadata") : object.putObject("metadata");
    ObjectNode labels = metadata.has("labels") && metadata.get("labels").isObject()
        ? (ObjectNode) metadata.get("labels") : metadata.putObject("labels");
    labels.put(SENSOR_LABEL, sensor);
    labels.put(TRIGGER_LABEL, trigger);
    labels.put(TIMESTAMP_LABEL, Long.toString(System.currentTimeMillis()));
    return TriggerTemplate.JSON.convertValue(object, Map.class);
  }

  private static JsonNode source(ArtifactLocation source) {
    if (source.getResource() != null && !source.getResource().isNull()) {
      return source.getResource().deepCopy();
    }
    try {
      JsonNode parsed = YAML.readTree(source.getInline());
      if (parsed == null || !parsed.isObject()) {
        throw new IllegalArgumentException(FIELD + ".source.inline: is not a YAML/JSON object");
      }
      return parsed;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          FIELD + ".source.inline: is not valid YAML/JSON: " + e.getOriginalMessage(), e);
    }
  }
}
