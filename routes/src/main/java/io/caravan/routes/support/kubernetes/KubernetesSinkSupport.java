package io.caravan.routes.support.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * What the k8s and argoWorkflow sinks share: the Kubernetes client ({@link KubernetesClients}), the
 * namespace rule and the {@code policy.k8s} settings ({@link ResourceLabelsPolicy}), all Kamelet
 * parameters.
 */
public abstract class KubernetesSinkSupport implements Processor, CamelContextAware {
  /** Message header with the namespace to use when the object names none (the Sensor's). */
  public static final String NAMESPACE_HEADER = "CaravanKubernetesNamespace";

  private CamelContext camelContext;
  private String namespace;
  private volatile KubernetesClient client;
  private String policyLabels;
  private Integer policySteps;
  private String policyDuration;
  private Double policyFactor;
  private Double policyJitter;
  private boolean policyErrorOnTimeout;

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = blankToNull(namespace);
  }

  /** {@code policy.k8s.labels} as {@code key=value,key2=value2}. */
  public void setPolicyLabels(String policyLabels) {
    this.policyLabels = blankToNull(policyLabels);
  }

  public void setPolicySteps(String steps) {
    this.policySteps = blankToNull(steps) == null ? null : Integer.valueOf(steps.trim());
  }

  /** A Go duration ({@code 1s}) or nanoseconds. */
  public void setPolicyDuration(String duration) {
    this.policyDuration = blankToNull(duration);
  }

  public void setPolicyFactor(String factor) {
    this.policyFactor = blankToNull(factor) == null ? null : Double.valueOf(factor.trim());
  }

  public void setPolicyJitter(String jitter) {
    this.policyJitter = blankToNull(jitter) == null ? null : Double.valueOf(jitter.trim());
  }

  public void setPolicyErrorOnTimeout(String errorOnTimeout) {
    this.policyErrorOnTimeout = Boolean.parseBoolean(blankToNull(errorOnTimeout));
  }

  @Override
  public CamelContext getCamelContext() {
    return camelContext;
  }

  @Override
  public void setCamelContext(CamelContext camelContext) {
    this.camelContext = camelContext;
  }

  /** Uses this client instead of looking one up or building one. */
  public void setClient(KubernetesClient client) {
    this.client = client;
  }

  protected KubernetesClient client(Exchange exchange) {
    KubernetesClient current = client;
    if (current == null) {
      current = KubernetesClients.of(camelContext != null ? camelContext : exchange.getContext());
      client = current;
    }
    return current;
  }

  /**
   * The object's namespace, else the header's (the Sensor's), else {@code namespace}, else the
   * client's, else default.
   */
  protected String namespaceFor(String objectNamespace, Exchange exchange) {
    String ns = blankToNull(objectNamespace);
    if (ns == null) {
      ns = blankToNull(exchange.getMessage().getHeader(NAMESPACE_HEADER, String.class));
    }
    if (ns == null) {
      ns = namespace;
    }
    if (ns == null) {
      ns = blankToNull(client(exchange).getNamespace());
    }
    return ns == null ? "default" : ns;
  }

  protected ResourceLabelsPolicy policy() {
    return new ResourceLabelsPolicy(
        ResourceLabelsPolicy.parseLabels(policyLabels),
        policySteps,
        policyDuration,
        policyFactor,
        policyJitter,
        policyErrorOnTimeout);
  }

  protected static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
