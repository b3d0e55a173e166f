package io.caravan.routes.source.webhook;

import io.caravan.routes.support.vertx.SharedVertx;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.PropertiesHelper;

/**
 * The {@code argo-webhook:<port><endpoint>} component: HTTP consumers with Argo Events webhook
 * semantics (inventory §1.5.1). Keeps one {@link WebhookServer} per bind address and port, shared
 * by every endpoint on it, on one Vert.x instance per CamelContext (the registry's {@code vertx}
 * bean when there is one).
 */
public class WebhookComponent extends DefaultComponent {
  /** URI parameters with this prefix are the {@link WebhookProvider}'s options. */
  public static final String PROVIDER_OPTION_PREFIX = "provider.";

  private final Map<String, WebhookServer> servers = new HashMap<>();

  private Vertx vertx;
  private boolean ownsVertx;

  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    String path = remaining.startsWith("//") ? remaining.substring(2) : remaining;
    int slash = path.indexOf('/');
    if (slash <= 0) {
      throw new IllegalArgumentException(
          "argo-webhook URI must be argo-webhook:<port>/<path>, got '" + remaining + "'");
    }
    int port;
    try {
      port = Integer.parseInt(path.substring(0, slash));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "argo-webhook port must be a number, got '" + path.substring(0, slash) + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("argo-webhook port out of range: " + port);
    }
    WebhookEndpoint endpoint = new WebhookEndpoint(uri, this, port, path.substring(slash));
    Map<String, String> providerOptions = new TreeMap<>();
    PropertiesHelper.extractProperties(parameters, PROVIDER_OPTION_PREFIX)
        .forEach(
            (name, value) -> providerOptions.put(name, value == null ? null : value.toString()));
    endpoint.providerOptions(providerOptions);
    setProperties(endpoint, parameters);
    return endpoint;
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    if (vertx == null) {
      vertx = getCamelContext().getRegistry().lookupByNameAndType(SharedVertx.BEAN, Vertx.class);
      ownsVertx = vertx == null;
      if (ownsVertx) {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
      }
    }
  }

  @Override
  protected void doStop() throws Exception {
    synchronized (servers) {
      for (WebhookServer server : servers.values()) {
        server.close();
      }
      servers.clear();
    }
    if (ownsVertx && vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    vertx = null;
    super.doStop();
  }

  Vertx vertx() {
    return vertx;
  }

  /**
   * Registers the consumer's path on the server for its host and port, starting the server when it
   * is the first endpoint there.
   */
  WebhookServer attach(WebhookConsumer consumer, WebhookServer.Tls tls) throws Exception {
    WebhookEndpoint endpoint = consumer.getEndpoint();
    String key = endpoint.getHost() + ":" + endpoint.getPort();
    synchronized (servers) {
      WebhookServer server = servers.get(key);
      if (server != null) {
        if (!server.tls().equals(tls)) {
          throw new IllegalStateException(
              "argo-webhook port "
                  + endpoint.getPort()
                  + ": endpoint "
                  + endpoint.getPath()
                  + " has TLS settings "
                  + tls
                  + " but the port already serves "
                  + server.tls());
        }
        server.register(endpoint.getPath(), consumer);
        return server;
      }
      server = WebhookServer.start(vertx, endpoint.getHost(), endpoint.getPort(), tls);
      try {
        server.register(endpoint.getPath(), consumer);
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      servers.put(key, server);
      return server;
    }
  }

  /** Unregisters the consumer's path; closes the server when no active endpoint remains on it. */
  void detach(WebhookConsumer consumer) throws Exception {
    WebhookEndpoint endpoint = consumer.getEndpoint();
    String key = endpoint.getHost() + ":" + endpoint.getPort();
    synchronized (servers) {
      WebhookServer server = servers.get(key);
      if (server != null && server.unregister(endpoint.getPath(), consumer) == 0) {
        servers.remove(key);
        server.close();
      }
    }
  }
}
