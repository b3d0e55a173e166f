package io.caravan.routes.support.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The Kubernetes client of a Camel context: the {@link KubernetesClient} bean of the registry when
 * there is exactly one, else one client built from the current kubeconfig ({@code KUBECONFIG},
 * in-cluster config in a pod), bound under {@link #BEAN_NAME} and closed with the context, so every
 * trigger shares it.
 */
public final class KubernetesClients {
  /** Registry name of the client built here. */
  public static final String BEAN_NAME = "caravanKubernetesClient";

  private KubernetesClients() {}

  public static KubernetesClient of(CamelContext camel) {
    synchronized (camel) {
      KubernetesClient bound = camel.getRegistry().findSingleByType(KubernetesClient.class);
      if (bound != null) {
        return bound;
      }
      KubernetesClient built = new KubernetesClientBuilder().build();
      camel.getRegistry().bind(BEAN_NAME, KubernetesClient.class, built);
      try {
        camel.addService(new ClientCloser(built), true);
      } catch (Exception e) {
        built.close();
        throw new IllegalStateException("cannot register the Kubernetes client with Camel", e);
      }
      return built;
    }
  }

  /** Closes a client built here when the Camel context stops. */
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
