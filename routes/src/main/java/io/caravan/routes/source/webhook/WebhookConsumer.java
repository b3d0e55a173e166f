package io.caravan.routes.source.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.SecretStore;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one webhook path. While started it is attached to the port's {@link WebhookServer};
 * suspended or stopped, its path answers 400 {@code endpoint is inactive}. Each accepted request
 * becomes one InOut exchange whose body is the event data {@code {header, body, metadata}}.
 */
public class WebhookConsumer extends DefaultConsumer implements Suspendable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookConsumer.class);

  private volatile boolean active;
  private RequestHandler handler;
  private WebhookReceiver receiver;
  private WebhookServer server;

  public WebhookConsumer(WebhookEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
  }

  @Override
  public WebhookEndpoint getEndpoint() {
    return (WebhookEndpoint) super.getEndpoint();
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    WebhookEndpoint endpoint = getEndpoint();
    SecretStore secrets =
        getEndpoint()
            .getCamelContext()
            .getRegistry()
            .lookupByNameAndType(SecretStore.BEAN_NAME, SecretStore.class);
    boolean needsSecrets =
        endpoint.getAuthSecret() != null || endpoint.getServerCertSecret() != null;
    if (needsSecrets && secrets == null) {
      throw new IllegalStateException(
          "argo-webhook "
              + endpoint.getPath()
              + ": secret references are set but no SecretStore bean '"
              + SecretStore.BEAN_NAME
              + "' is bound in the registry");
    }
    WebhookServer.Tls tls = WebhookServer.Tls.NONE;
    if (endpoint.getServerCertSecret() != null) {
      tls =
          new WebhookServer.Tls(
              endpoint.getServerCertSecret(),
              endpoint.getServerKeySecret(),
              readSecret(secrets, "serverCertSecret", endpoint.getServerCertSecret()),
              readSecret(secrets, "serverKeySecret", endpoint.getServerKeySecret()));
    }
    WebhookComponent component = endpoint.getComponent();
    if (endpoint.getProvider() == null) {
      handler = new WebhookRequestHandler(this, component.vertx(), secrets);
    } else {
      receiver = openReceiver(endpoint, secrets);
      ArgoMetrics bound =
          endpoint
              .getCamelContext()
              .getRegistry()
              .lookupByNameAndType(ArgoMetrics.BEAN_NAME, ArgoMetrics.class);
      handler =
          new ProviderRequestHandler(
              this, component.vertx(), receiver, bound == null ? ArgoMetrics.noop() : bound);
    }
    try {
      server = component.attach(this, tls);
    } catch (Exception e) {
      closeReceiver();
      throw e;
    }
    active = true;
    if (receiver != null) {
      receiver.start();
    }
  }

  @Override
  protected void doStop() throws Exception {
    active = false;
    if (server != null) {
      server = null;
      getEndpoint().getComponent().detach(this);
    }
    closeReceiver();
    super.doStop();
  }

  private WebhookReceiver openReceiver(WebhookEndpoint endpoint, SecretStore secrets) {
    WebhookProvider provider = WebhookProviders.named(endpoint.getProvider());
    return provider.open(
        new WebhookReceiverContext(
            provider.name(),
            endpoint.getPort(),
            endpoint.getPath(),
            endpoint.providerOptions(),
            endpoint.metadataNode(),
            secrets,
            endpoint.getCamelContext()));
  }

  private void closeReceiver() {
    WebhookReceiver current = receiver;
    receiver = null;
    if (current != null) {
      try {
        current.close();
      } catch (RuntimeException e) {
        LOG.warn(
            "argo-webhook {}: closing the receiver failed: {}",
            getEndpoint().getPath(),
            e.toString());
      }
    }
  }

  @Override
  protected void doSuspend() throws Exception {
    active = false;
    super.doSuspend();
  }

  @Override
  protected void doResume() throws Exception {
    super.doResume();
    active = server != null;
  }

  /**
   * False while suspended, stopping or stopped: requests then get 400 {@code endpoint is inactive}.
   */
  boolean isActive() {
    return active;
  }

  RequestHandler handler() {
    return handler;
  }

  /** The port actually bound (useful when the configured port was 0). */
  public int boundPort() {
    WebhookServer current = server;
    return current == null ? -1 : current.actualPort();
  }

  /**
   * Runs one InOut exchange with the event data; {@code done} receives true when it completed
   * without exception. Called on a worker thread, never on an event loop.
   */
  void dispatch(ObjectNode data, Consumer<Boolean> done) {
    Exchange exchange = createExchange(false);
    exchange.setPattern(ExchangePattern.InOut);
    exchange.getIn().setBody(data);
    try {
      getAsyncProcessor()
          .process(
              exchange,
              doneSync -> {
                boolean ok = exchange.getException() == null && !exchange.isRollbackOnly();
                if (!ok) {
                  LOG.debug(
                      "argo-webhook {}: exchange failed",
                      getEndpoint().getPath(),
                      exchange.getException());
                }
                releaseExchange(exchange, false);
                done.accept(ok);
              });
    } catch (RuntimeException e) {
      LOG.warn("argo-webhook {}: cannot process event: {}", getEndpoint().getPath(), e.toString());
      releaseExchange(exchange, false);
      done.accept(false);
    }
  }

  private String readSecret(SecretStore secrets, String option, String ref) {
    return secrets
        .secretRef(ref)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "argo-webhook "
                        + getEndpoint().getPath()
                        + ": "
                        + option
                        + " '"
                        + ref
                        + "' not found"));
  }
}
