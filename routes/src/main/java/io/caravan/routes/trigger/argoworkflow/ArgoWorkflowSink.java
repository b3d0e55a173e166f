package io.caravan.routes.trigger.argoworkflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.support.kubernetes.KubernetesObjects;
import io.caravan.routes.support.kubernetes.KubernetesSinkSupport;
import io.caravan.routes.support.kubernetes.ResourceLabelsPolicy;
import io.caravan.routes.support.secrets.SecretStore;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;

/**
 * The I/O of the {@code argo-workflow-sink} Kamelet: runs the argoWorkflow trigger's {@code
 * operation} on the message body (the trigger's object, built by the TriggerTemplate bean) without
 * the {@code argo} CLI. Without {@code argoServer} it works on the Workflow objects through the
 * Kubernetes API ({@link KubernetesArgoWorkflows}); with it, through the Argo Server REST API
 * ({@link ArgoServerWorkflows}), authenticated with the bearer token of the {@code
 * argoServerTokenSecret} Secret reference ({@code name/key}, read from the runtime's {@link
 * SecretStore}).
 *
 * <p>The namespace is the object's, else the Sensor's (header), else {@code namespace}, else the
 * client's. With {@code policyLabels}, it then waits for the resulting Workflow to carry them. Body
 * out: that Workflow (a Map).
 */
public class ArgoWorkflowSink extends KubernetesSinkSupport {
  /**
   * Sensor annotation naming the Argo Server URL (copied by the generator into {@code argoServer}).
   */
  public static final String ARGO_SERVER_ANNOTATION = "caravan.io/argo-server";

  private ArgoWorkflowOperation operation = ArgoWorkflowOperation.SUBMIT;
  private String argoServer;
  private String argoServerTokenSecret;
  private boolean argoServerInsecure;

  public String getOperation() {
    return operation.manifestName();
  }

  public void setOperation(String operation) {
    this.operation = ArgoWorkflowOperation.of(operation);
  }

  /**
   * Base URL of the Argo Server, e.g. {@code https://argo-server.argo:2746}; unset: the Kubernetes
   * API.
   */
  public void setArgoServer(String argoServer) {
    this.argoServer = blankToNull(argoServer);
  }

  /** Secret reference {@code name/key} of the Argo Server bearer token. */
  public void setArgoServerTokenSecret(String argoServerTokenSecret) {
    this.argoServerTokenSecret = blankToNull(argoServerTokenSecret);
  }

  /**
   * {@code true}: no certificate check of the Argo Server (as {@code ARGO_INSECURE_SKIP_VERIFY}).
   */
  public void setArgoServerInsecure(String insecure) {
    this.argoServerInsecure = Boolean.parseBoolean(blankToNull(insecure));
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    ObjectNode object =
        KubernetesObjects.toObject(exchange.getMessage().getBody(), "argo-workflow-sink");
    String namespace =
        namespaceFor(KubernetesObjects.text(object, "/metadata/namespace"), exchange);
    ArgoWorkflows workflows = workflows(exchange);
    ObjectNode result = workflows.run(operation, object, namespace);
    ResourceLabelsPolicy policy = policy();
    String name = KubernetesObjects.text(result, "/metadata/name");
    if (!policy.isEmpty() && name != null) {
      policy.await(() -> workflows.workflow(name, namespace), "Workflow " + namespace + "/" + name);
    }
    exchange.getMessage().setBody(KubernetesObjects.JSON.convertValue(result, Map.class));
  }

  private ArgoWorkflows workflows(Exchange exchange) {
    if (argoServer == null) {
      return new KubernetesArgoWorkflows(client(exchange));
    }
    return new ArgoServerWorkflows(argoServer, token(exchange.getContext()), argoServerInsecure);
  }

  private String token(CamelContext context) {
    if (argoServerTokenSecret == null) {
      return null;
    }
    SecretStore secrets =
        context.getRegistry().lookupByNameAndType(SecretStore.BEAN_NAME, SecretStore.class);
    if (secrets == null) {
      throw new IllegalStateException(
          "argo-workflow-sink: no '"
              + SecretStore.BEAN_NAME
              + "' bean to read the Argo Server token from");
    }
    return secrets
        .secretRef(argoServerTokenSecret)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "argo-workflow-sink: the Argo Server token secret '"
                        + argoServerTokenSecret
                        + "' is not set"));
  }
}
