package io.caravan.routes.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.api.sensor.TriggerParameter;
import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.support.kubernetes.KubernetesObjects;
import io.caravan.routes.support.kubernetes.KubernetesSinkSupport;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.trigger.artifact.ArtifactReader;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;

/**
 * What a {@link TriggerMessageBuilder} works from: the template after its template-level
 * parameters, the fired events (dependency → event), the sensor's and trigger's names, and the
 * helpers several types share (artifact reading, parameters on an object, Argo's labels).
 *
 * @param template the trigger template, template-level parameters applied
 * @param events the fired events, by dependency name
 * @param sensor the sensor's name
 * @param trigger the trigger's name (the template's {@code name})
 * @param namespace the sensor's namespace, or null
 * @param camelContext the route's context
 * @param secrets reads referenced secrets (fails when no store is bound)
 * @param where how errors name the trigger: {@code sensor 's' trigger 't': }
 */
public record TriggerMessageInput(
    TriggerTemplate template,
    Map<String, ArgoEvent> events,
    String sensor,
    String trigger,
    String namespace,
    CamelContext camelContext,
    Supplier<SecretStore> secrets,
    String where) {
  public static final String SENSOR_LABEL = "events.argoproj.io/sensor";
  public static final String TRIGGER_LABEL = "events.argoproj.io/trigger";
  public static final String TIMESTAMP_LABEL = "events.argoproj.io/action-timestamp";

  /** Reads a trigger's {@code source} (inline, ConfigMap, file, URL, git …). */
  public ArtifactReader artifacts() {
    return new ArtifactReader(secrets);
  }

  /** The type's block; an error naming the field when the template parameters removed it. */
  public <T> T required(T block, String triggerType) {
    if (block == null || block instanceof JsonNode node && node.isNull()) {
      throw new IllegalArgumentException(
          where
              + "trigger.template."
              + triggerType
              + ": is not set (after applying the template parameters)");
    }
    return block;
  }

  /** The object with the trigger's {@code parameters} applied; must stay an object. */
  public ObjectNode withParameters(
      ObjectNode object, List<TriggerParameter> parameters, String field) {
    JsonNode applied = TriggerParameters.apply(object, parameters, events, field + ".parameters");
    if (!(applied instanceof ObjectNode result)) {
      throw new IllegalArgumentException(field + ".source: the resource must be an object");
    }
    return result;
  }

  /** Argo's labels on a created object: sensor, trigger and the action timestamp (milliseconds). */
  public void addLabels(ObjectNode object) {
    ObjectNode labels = KubernetesObjects.labels(object);
    labels.put(SENSOR_LABEL, sensor);
    labels.put(TRIGGER_LABEL, trigger);
    labels.put(TIMESTAMP_LABEL, Long.toString(System.currentTimeMillis()));
  }

  /**
   * A Kubernetes object as the sink's body (a Map), with the sensor's namespace in {@link
   * KubernetesSinkSupport#NAMESPACE_HEADER}.
   */
  public void writeResource(ObjectNode resource, Message message) {
    message.setBody(
        io.caravan.routes.trigger.TriggerTemplate.JSON.convertValue(resource, Map.class));
    if (namespace != null) {
      message.setHeader(KubernetesSinkSupport.NAMESPACE_HEADER, namespace);
    }
  }
}
