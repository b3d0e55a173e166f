package io.caravan.routes.source.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Vert.x HTTP server on one bind address and port, shared by every webhook endpoint on that
 * port. Routes requests by exact path, answers {@code /health} with 200 {@code OK} and unknown
 * paths with 404. A path whose endpoint stopped keeps answering 400 {@code endpoint is inactive}
 * while the server lives.
 */
final class WebhookServer {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);
  static final String HEALTH_PATH = "/health";

  /** TLS settings of a port; equal when the secret references are equal (values never printed). */
  record Tls(String certRef, String keyRef, String certPem, String keyPem) {
    static final Tls NONE = new Tls(null, null, null, null);

    boolean enabled() {
      return certRef != null;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Tls tls
          && Objects.equals(certRef, tls.certRef)
          && Objects.equals(keyRef, tls.keyRef);
    }

    @Override
    public int hashCode() {
      return Objects.hash(certRef, keyRef);
    }

    @Override
    public String toString() {
      return enabled() ? "TLS(cert " + certRef + ", key " + keyRef + ")" : "plain HTTP";
    }
  }

  private final HttpServer server;
  private final String host;
  private final int port;
  private final Tls tls;

  /** Every path ever registered while the server lives, mapped to its latest consumer. */
  private final Map<String, WebhookConsumer> paths = new ConcurrentHashMap<>();

  /** Consumers currently attached; the server closes when none remains. */
  private final Set<WebhookConsumer> attached = ConcurrentHashMap.newKeySet();

  private WebhookServer(HttpServer server, String host, int port, Tls tls) {
    this.server = server;
    this.host = host;
    this.port = port;
    this.tls = tls;
  }

  static WebhookServer start(Vertx vertx, String host, int port, Tls tls) throws Exception {
    HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port);
    if (tls.enabled()) {
      options
          .setSsl(true)
          .setKeyCertOptions(
              new PemKeyCertOptions()
                  .setCertValue(Buffer.buffer(tls.certPem()))
                  .setKeyValue(Buffer.buffer(tls.keyPem())));
    }
    HttpServer httpServer = vertx.createHttpServer(options);
    WebhookServer server = new WebhookServer(httpServer, host, port, tls);
    httpServer.requestHandler(server::handle);
    try {
      httpServer.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(
          "argo-webhook cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + tls
              + "): "
              + e.getCause().getMessage(),
          e.getCause());
    }
    LOG.info("argo-webhook listening on {}:{} ({})", host, server.actualPort(), tls);
    return server;
  }

  Tls tls() {
    return tls;
  }

  /** The bound port (differs from the configured one only when that was 0). */
  int actualPort() {
    return server.actualPort();
  }

  void register(String path, WebhookConsumer consumer) {
    if (HEALTH_PATH.equals(path)) {
      throw new IllegalArgumentException(
          "argo-webhook port " + port + ": path " + HEALTH_PATH + " is reserved for health checks");
    }
    WebhookConsumer previous = paths.get(path);
    if (previous != null && previous != consumer && attached.contains(previous)) {
      throw new IllegalStateException(
          "argo-webhook port "
              + port
              + ": path "
              + path
              + " is already served by "
              + previous.getEndpoint().getEndpointUri());
    }
    paths.put(path, consumer);
    attached.add(consumer);
  }

  /**
   * Detaches the consumer (its path keeps answering "inactive"); returns how many remain attached.
   */
  int unregister(String path, WebhookConsumer consumer) {
    attached.remove(consumer);
    return attached.size();
  }

  void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    LOG.info("argo-webhook closed {}:{}", host, port);
  }

  private void handle(HttpServerRequest request) {
    String path = request.path();
    if (HEALTH_PATH.equals(path)) {
      WebhookResponses.send(request, 200, "OK");
      return;
    }
    WebhookConsumer consumer = paths.get(path);
    if (consumer == null) {
      WebhookResponses.send(request, 404, "404 page not found");
      return;
    }
    consumer.handler().handle(request);
  }
}
