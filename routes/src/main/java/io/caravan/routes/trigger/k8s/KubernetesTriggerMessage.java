package io.caravan.routes.trigger.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.api.sensor.StandardK8sTrigger;
import io.caravan.routes.support.kubernetes.KubernetesClients;
import io.caravan.routes.support.kubernetes.KubernetesObjects;
import io.caravan.routes.trigger.TriggerMessageBuilder;
import io.caravan.routes.trigger.TriggerMessageInput;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.apache.camel.Message;

/**
 * The object of a k8s trigger, as Argo builds it: read from the {@code source}, for an {@code
 * update} with {@code liveObject: true} replaced by the live object of that name, then the
 * trigger's {@code parameters} applied; {@code create} adds the {@code events.argoproj.io/*}
 * labels. The body is the object as a Map, the sensor's namespace in the namespace header.
 */
public final class KubernetesTriggerMessage implements TriggerMessageBuilder {
  private static final String K8S = "trigger.template.k8s";

  @Override
  public String triggerType() {
    return "k8s";
  }

  @Override
  public void write(TriggerMessageInput input, Message message) {
    StandardK8sTrigger k8s = input.required(input.template().getK8s(), "k8s");
    ObjectNode object = input.artifacts().read(k8s.getSource(), K8S + ".source");
    String operation = operation(k8s.getOperation(), "create");
    if (Boolean.TRUE.equals(k8s.getLiveObject()) && operation.equals("update")) {
      String ns = KubernetesObjects.text(object, "/metadata/namespace");
      ObjectNode live = liveObject(input, object, ns != null ? ns : input.namespace());
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
    object = input.withParameters(object, k8s.getParameters(), K8S);
    if (operation.equals("create")) {
      input.addLabels(object);
    }
    input.writeResource(object, message);
  }

  static String operation(String operation, String otherwise) {
    return operation == null || operation.isBlank() ? otherwise : operation.trim();
  }

  /** The live object for an {@code update} with {@code liveObject: true}; null when absent. */
  private static ObjectNode liveObject(
      TriggerMessageInput input, ObjectNode source, String objectNamespace) {
    KubernetesClient client = KubernetesClients.of(input.camelContext());
    return new KubernetesResourceOperations(client)
        .get(source, objectNamespace != null ? objectNamespace : client.getNamespace());
  }
}
