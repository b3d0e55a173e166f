package io.caravan.controller.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTPS server of the validating admission webhook: {@code POST /validate}, {@code GET /healthz}.
 */
public final class WebhookServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);
  private static final int MAX_BODY = 3 * 1024 * 1024;

  private final HttpsServer server;
  private final AdmissionValidator validator;

  public WebhookServer(int port, WebhookCertificates certificates)
      throws IOException, GeneralSecurityException {
    this(port, certificates, new AdmissionValidator());
  }

  public WebhookServer(int port, WebhookCertificates certificates, AdmissionValidator validator)
      throws IOException, GeneralSecurityException {
    this.validator = validator;
    server = HttpsServer.create(new InetSocketAddress(port), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(certificates.serverContext()));
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/validate", this::validate);
    server.createContext("/healthz", exchange -> answer(exchange, 200, "text/plain", "ok"));
  }

  public WebhookServer start() {
    server.start();
    LOG.info("Admission webhook listening on :{}", port());
    return this;
  }

  /** Prometheus text: {@code caravan_webhook_admission_reviews_total{allowed="true|false"}}. */
  public String scrape() {
    return "# HELP caravan_webhook_admission_reviews_total Admission reviews answered, by outcome.\n"
        + "# TYPE caravan_webhook_admission_reviews_total counter\n"
        + "caravan_webhook_admission_reviews_total{allowed=\"true\"} "
        + validator.allowed()
        + "\n"
        + "caravan_webhook_admission_reviews_total{allowed=\"false\"} "
        + validator.denied()
        + "\n";
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void validate(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      answer(exchange, 405, "text/plain", "POST an AdmissionReview");
      return;
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    if (body.length > MAX_BODY) {
      answer(exchange, 413, "text/plain", "request too large");
      return;
    }
    try {
      answer(
          exchange,
          200,
          "application/json",
          validator.review(new String(body, StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      LOG.warn("Bad admission request: {}", e.getMessage());
      answer(exchange, 400, "text/plain", "not an AdmissionReview: " + e.getMessage());
    }
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
    server.stop(0);
  }
}
