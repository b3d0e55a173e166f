package io.caravan.routes.trigger.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.support.kubernetes.KubernetesObjects;
import io.caravan.routes.support.kubernetes.KubernetesSinkSupport;
import io.caravan.routes.support.kubernetes.ResourceLabelsPolicy;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The I/O of the {@code kubernetes-resource-sink} Kamelet: runs Argo's k8s trigger {@code
 * operation} (create, update, patch, delete; see {@link KubernetesResourceOperations}) on the
 * message body (a Kubernetes object as JSON/YAML text, a Map or a JsonNode) with the fabric8
 * client. The resource comes from API discovery. The namespace is the object's, else the {@link
 * #NAMESPACE_HEADER} header, else {@code namespace}, else the client's. With {@code policyLabels}
 * set, it then waits for the object to carry them ({@link ResourceLabelsPolicy}).
 *
 * <p>The client is the {@code KubernetesClient} bean of the registry when there is exactly one,
 * else a client built from the current kubeconfig. The body out is the object the server returned
 * (a Map), or null after a delete.
 */
public class KubernetesResourceSink extends KubernetesSinkSupport {
  private String operation = "create";
  private String patchStrategy;

  public String getOperation() {
    return operation;
  }

  public void setOperation(String operation) {
    String op = blankToNull(operation) == null ? "create" : operation.trim();
    if (!KubernetesResourceOperations.OPERATIONS.contains(op)) {
      throw new IllegalArgumentException(
          "kubernetes-resource-sink: operation '"
              + op
              + "' is not one of "
              + String.join(", ", KubernetesResourceOperations.OPERATIONS));
    }
    this.operation = op;
  }

  public String getPatchStrategy() {
    return patchStrategy;
  }

  /** A Kubernetes patch content type; default {@code application/merge-patch+json}. */
  public void setPatchStrategy(String patchStrategy) {
    String strategy = blankToNull(patchStrategy);
    if (strategy != null && !KubernetesResourceOperations.PATCH_STRATEGIES.contains(strategy)) {
      throw new IllegalArgumentException(
          "kubernetes-resource-sink: patchStrategy '"
              + strategy
              + "' is not one of "
              + String.join(", ", KubernetesResourceOperations.PATCH_STRATEGIES));
    }
    this.patchStrategy = strategy;
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    KubernetesResourceOperations operations = new KubernetesResourceOperations(client(exchange));
    ObjectNode object =
        KubernetesObjects.toObject(exchange.getMessage().getBody(), "kubernetes-resource-sink");
    String namespace =
        namespaceFor(KubernetesObjects.text(object, "/metadata/namespace"), exchange);
    ObjectNode result = operations.apply(operation, object, namespace, patchStrategy);
    ResourceLabelsPolicy policy = policy();
    if (result != null && !policy.isEmpty()) {
      String ns = KubernetesObjects.text(result, "/metadata/namespace");
      policy.await(
          () -> operations.get(result, ns != null ? ns : namespace),
          result.path("kind").asText() + " " + result.path("metadata").path("name").asText());
    }
    exchange
        .getMessage()
        .setBody(result == null ? null : KubernetesObjects.JSON.convertValue(result, Map.class));
  }
}
