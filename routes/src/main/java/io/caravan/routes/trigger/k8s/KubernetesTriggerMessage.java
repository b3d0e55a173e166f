package io.caravan.routes.trigger.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.api.sensor.ArgoWorkflowTrigger;
import io.caravan.api.sensor.StandardK8sTrigger;
import io.caravan.api.sensor.TriggerParameter;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.support.kubernetes.KubernetesObjects;
import io.caravan.routes.trigger.TriggerParameters;
import io.caravan.routes.trigger.argoworkflow.ArgoSubmitArguments;
import io.caravan.routes.trigger.artifact.ArtifactReader;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The object of a k8s or argoWorkflow trigger, as Argo builds it: read from the {@code source}
 * ({@link ArtifactReader}), for a k8s {@code update} with {@code liveObject: true} replaced by the
 * live object of that name, then the trigger's {@code parameters} applied, then an argoWorkflow's
 * {@code args} ({@link ArgoSubmitArguments}). k8s {@code create} and every argoWorkflow object get
 * the labels {@code events.argoproj.io/sensor}, {@code …/trigger} and {@code …/action-timestamp}
 * (milliseconds).
 */
public final class KubernetesTriggerMessage {
  static final String SENSOR_LABEL = "events.argoproj.io/sensor";
  static final String TRIGGER_LABEL = "events.argoproj.io/trigger";
  static final String TIMESTAMP_LABEL = "events.argoproj.io/action-timestamp";
  private static final String K8S = "trigger.template.k8s";
  private static final String ARGO_WORKFLOW = "trigger.template.argoWorkflow";

  private KubernetesTriggerMessage() {}

  /**
   * The object of a k8s trigger. {@code liveObject} reads the live object of the source's name in
   * the given namespace (null when absent); it is used only for {@code update} with {@code
   * liveObject: true}.
   */
  public static ObjectNode k8s(
      StandardK8sTrigger k8s,
      Map<String, ArgoEvent> events,
      String sensor,
      String trigger,
      ArtifactReader reader,
      BiFunction<ObjectNode, String, ObjectNode> liveObject,
      String namespace) {
    ObjectNode object = reader.read(k8s.getSource(), K8S + ".source");
    String operation = operation(k8s.getOperation(), "create");
    if (Boolean.TRUE.equals(k8s.getLiveObject()) && operation.equals("update")) {
      String ns = KubernetesObjects.text(object, "/metadata/namespace");
      ObjectNode live = liveObject.apply(object, ns != null ? ns : namespace);
      if (live == null) {
        throw new IllegalArgumentException(
            K8S
                + ".liveObject: "
                + object.path("kind").asText()
                + " '"
                + object.path("metadata").path("name").asText()
                + "' does not exist");
      }
      object = live;
    }
    object = withParameters(object, k8s.getParameters(), events, K8S);
    if (operation.equals("create")) {
      addLabels(object, sensor, trigger);
    }
    return object;
  }

  /** The object of an argoWorkflow trigger, with the parameters and the Argo Events labels. */
  public static ObjectNode argoWorkflow(
      ArgoWorkflowTrigger workflow,
      Map<String, ArgoEvent> events,
      String sensor,
      String trigger,
      ArtifactReader reader) {
    ObjectNode object = reader.read(workflow.getSource(), ARGO_WORKFLOW + ".source");
    object = withParameters(object, workflow.getParameters(), events, ARGO_WORKFLOW);
    if (workflow.getArgs() != null && !workflow.getArgs().isEmpty()) {
      ArgoSubmitArguments.apply(object, workflow.getArgs(), ARGO_WORKFLOW + ".args");
    }
    addLabels(object, sensor, trigger);
    return object;
  }

  static String operation(String operation, String otherwise) {
    return operation == null || operation.isBlank() ? otherwise : operation.trim();
  }

  private static ObjectNode withParameters(
      ObjectNode object,
      List<TriggerParameter> parameters,
      Map<String, ArgoEvent> events,
      String field) {
    JsonNode applied = TriggerParameters.apply(object, parameters, events, field + ".parameters");
    if (!(applied instanceof ObjectNode result)) {
      throw new IllegalArgumentException(field + ".source: the resource must be an object");
    }
    return result;
  }

  private static void addLabels(ObjectNode object, String sensor, String trigger) {
    ObjectNode labels = KubernetesObjects.labels(object);
    labels.put(SENSOR_LABEL, sensor);
    labels.put(TRIGGER_LABEL, trigger);
    labels.put(TIMESTAMP_LABEL, Long.toString(System.currentTimeMillis()));
  }
}
