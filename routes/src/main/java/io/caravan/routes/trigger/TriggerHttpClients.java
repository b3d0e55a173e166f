package io.caravan.routes.trigger;

import io.caravan.routes.support.tls.TlsSettings;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vert.x WebClients of one sink, one per distinct TLS setting (Argo caches one client per trigger).
 * Connections are kept alive and pooled (up to 32 per server), which matters for throughput: a
 * Vert.x WebClient costs about a tenth of the CPU of the JDK HttpClient here (limits.md).
 */
public final class TriggerHttpClients implements AutoCloseable {
  private static final int POOL_SIZE = 32;

  private final Vertx vertx;
  private final Map<TlsSettings, WebClient> clients = new ConcurrentHashMap<>();

  TriggerHttpClients(Vertx vertx) {
    this.vertx = vertx;
  }

  public WebClient client(TlsSettings tls) {
    return clients.computeIfAbsent(
        tls,
        settings -> {
          WebClientOptions options =
              new WebClientOptions()
                  .setKeepAlive(true)
                  .setMaxPoolSize(POOL_SIZE)
                  .setUserAgentEnabled(false)
                  .setFollowRedirects(true);
          settings.applyTo(options);
          return WebClient.create(vertx, options);
        });
  }

  @Override
  public void close() {
    clients.values().forEach(WebClient::close);
    clients.clear();
  }
}
