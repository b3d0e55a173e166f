package io.caravan.routes.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The I/O of the {@code kubernetes-resource-sink} Kamelet: creates the message body (a Kubernetes
 * object as JSON/YAML text, a Map or a JsonNode) with the fabric8 client, as Argo's k8s trigger does:
 * the resource plural comes from the kind (no discovery), the namespace is the object's, else the
 * {@link #NAMESPACE_HEADER} header, else {@code namespace}, else the client's.
 *
 * <p>The client is the {@link KubernetesClient} bean of the registry when there is exactly one, else a
 * client built from the current kubeconfig ({@code KUBECONFIG}), closed with the Camel context.
 * The body out is the created object.
 */
public class KubernetesResourceSink implements Processor, CamelContextAware {
  /** Message header with the namespace to use when the object names none (the Sensor's). */
  public static final String NAMESPACE_HEADER = "CaravanKubernetesNamespace";

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesResourceSink.class);
  private static final ObjectMapper YAML = new YAMLMapper();

  private CamelContext camelContext;
  private String operation = "create";
  private String namespace;
  private volatile KubernetesClient client;

  public String getOperation() {
    return operation;
  }

  /** Only {@code create} is supported. */
  public void setOperation(String operation) {
    String op = operation == null || operation.isBlank() ? "create" : operation.trim();
    if (!op.equals("create")) {
      throw new IllegalArgumentException(
          "kubernetes-resource-sink: operation '" + op + "' is not supported (only create)");
    }
    this.operation = op;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace == null || namespace.isBlank() ? null : namespace;
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

  @Override
  public void process(Exchange exchange) throws Exception {
    KubernetesClient kubernetes = client(exchange.getContext());
    GenericKubernetesResource resource = toResource(kubernetes, exchange.getMessage().getBody());
    String apiVersion = resource.getApiVersion();
    String kind = resource.getKind();
    if (apiVersion == null || apiVersion.isBlank() || kind == null || kind.isBlank()) {
      throw new IllegalArgumentException(
          "kubernetes-resource-sink: the object needs apiVersion and kind");
    }
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    String plural = KubernetesResourceNames.plural(kind);
    boolean namespaced = !KubernetesResourceNames.clusterScoped(plural);
    ResourceDefinitionContext context =
        new ResourceDefinitionContext.Builder()
            .withGroup(group)
            .withVersion(version)
            .withKind(kind)
            .withPlural(plural)
            .withNamespaced(namespaced)
            .build();
    GenericKubernetesResource created;
    if (namespaced) {
      String ns = namespaceFor(resource, exchange, kubernetes);
      resource.getMetadata().setNamespace(ns);
      created = kubernetes.genericKubernetesResources(context).inNamespace(ns).resource(resource).create();
    } else {
      resource.getMetadata().setNamespace(null);
      created = kubernetes.genericKubernetesResources(context).resource(resource).create();
    }
    LOG.info(
        "created {} {}/{}",
        kind,
        created.getMetadata().getNamespace(),
        created.getMetadata().getName());
    exchange.getMessage().setBody(created);
  }

  private String namespaceFor(
      GenericKubernetesResource resource, Exchange exchange, KubernetesClient kubernetes) {
    String ns = resource.getMetadata().getNamespace();
    if (ns == null || ns.isBlank()) {
      ns = exchange.getMessage().getHeader(NAMESPACE_HEADER, String.class);
    }
    if (ns == null || ns.isBlank()) {
      ns = namespace;
    }
    if (ns == null || ns.isBlank()) {
      ns = kubernetes.getNamespace();
    }
    return ns == null || ns.isBlank() ? "default" : ns;
  }

  private static GenericKubernetesResource toResource(KubernetesClient kubernetes, Object body)
      throws IOException {
    Object value = body;
    if (body instanceof byte[] bytes) {
      value = YAML.readValue(bytes, Map.class);
    } else if (body instanceof String text) {
      value = YAML.readValue(text, Map.class);
    } else if (body instanceof JsonNode node) {
      value = YAML.convertValue(node, Map.class);
    }
    if (value instanceof GenericKubernetesResource resource) {
      return ensureMetadata(resource);
    }
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(
          "kubernetes-resource-sink: the body must be a Kubernetes object (JSON/YAML text or a Map), got "
              + (body == null ? "nothing" : body.getClass().getName()));
    }
    return ensureMetadata(
        kubernetes.getKubernetesSerialization().convertValue(value, GenericKubernetesResource.class));
  }

  private static GenericKubernetesResource ensureMetadata(GenericKubernetesResource resource) {
    if (resource.getMetadata() == null) {
      resource.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    }
    return resource;
  }

  private KubernetesClient client(CamelContext context) throws Exception {
    KubernetesClient current = client;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (client == null) {
        CamelContext camel = camelContext != null ? camelContext : context;
        KubernetesClient bound = camel.getRegistry().findSingleByType(KubernetesClient.class);
        if (bound != null) {
          client = bound;
        } else {
          KubernetesClient built = new KubernetesClientBuilder().build();
          camel.addService(new ClientCloser(built), true);
          client = built;
        }
      }
      return client;
    }
  }

  /** Closes a client this sink built, when the Camel context stops. */
  private static final class ClientCloser extends ServiceSupport {
    private final KubernetesClient client;

    ClientCloser(KubernetesClient client) {
      this.client = client;
    }

    @Override
    protected void doStop() {
      client.close();
    }
  }
}
