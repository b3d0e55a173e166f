package io.caravan.controller.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The controller's plain-HTTP endpoints: Prometheus {@code /metrics} on the metrics port, and
 * {@code /healthz} (alive) and {@code /readyz} (informers healthy) on the health port, as Argo's
 * controller serves them. A port of 0 in the options turns its server off.
 */
public final class HttpEndpoints implements AutoCloseable {

  private final List<HttpServer> servers = new ArrayList<>();

  public HttpEndpoints metrics(int port, Supplier<String> scrape) throws IOException {
    return metrics(port, "/metrics", scrape);
  }

  public HttpEndpoints metrics(int port, String path, Supplier<String> scrape) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext(
        path, e -> answer(e, 200, "text/plain; version=0.0.4; charset=utf-8", scrape.get()));
    servers.add(server);
    return this;
  }

  public HttpEndpoints health(int port, BooleanSupplier ready) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/healthz", e -> answer(e, 200, "text/plain", "ok"));
    server.createContext(
        "/readyz",
        e -> {
          boolean ok = ready.getAsBoolean();
          answer(e, ok ? 200 : 503, "text/plain", ok ? "ok" : "not ready");
        });
    servers.add(server);
    return this;
  }

  public HttpEndpoints start() {
    servers.forEach(HttpServer::start);
    return this;
  }

  /** The bound port of the {@code index}-th server (metrics first when both are on). */
  public int port(int index) {
    return servers.get(index).getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, int code, String type, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
  }
}
