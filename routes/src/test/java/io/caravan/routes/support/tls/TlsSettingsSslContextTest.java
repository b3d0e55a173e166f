package io.caravan.routes.support.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.testing.TriggerTestRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SSLContext that TlsSettings builds for clients taking one (NATS): CA trust and a PEM client
 * certificate, checked against a real HTTPS server that requires a client certificate.
 */
class TlsSettingsSslContextTest {
  private static final String CERT = TriggerTestRoutes.resource("/webhook-tls/test-cert.pem");
  private static final String KEY = TriggerTestRoutes.resource("/webhook-tls/test-key.pem");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx = Vertx.vertx();
  private final MapSecretStore secrets =
      new MapSecretStore()
          .putSecret("tls", "ca.crt", CERT)
          .putSecret("tls", "tls.crt", CERT)
          .putSecret("tls", "tls.key", KEY);
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setSsl(true)
                    .setKeyCertOptions(
                        new PemKeyCertOptions()
                            .setCertValue(Buffer.buffer(CERT))
                            .setKeyValue(Buffer.buffer(KEY)))
                    .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(CERT)))
                    .setClientAuth(ClientAuth.REQUIRED))
            .requestHandler(request -> request.response().end("hello"))
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void caAndClientCertificateFromSecretsPassMutualTls() throws Exception {
    TlsSettings tls =
        TlsSettings.read(
            JSON.readTree(
                "{\"caCertSecret\":{\"name\":\"tls\",\"key\":\"ca.crt\"},"
                    + "\"clientCertSecret\":{\"name\":\"tls\",\"key\":\"tls.crt\"},\"clientKeySecret\":{\"name\":\"tls\",\"key\":\"tls.key\"}}"),
            secrets,
            "nats.tls");

    assertThat(get(tls).body()).isEqualTo("hello");
  }

  @Test
  void withoutTheClientCertificateTheServerRefuses() throws Exception {
    TlsSettings tls =
        TlsSettings.read(
            JSON.readTree("{\"caCertSecret\":{\"name\":\"tls\",\"key\":\"ca.crt\"}}"),
            secrets,
            "nats.tls");

    assertThatThrownBy(() -> get(tls)).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void aKeyThatIsNotPkcs8IsReportedWithTheField() throws Exception {
    secrets.putSecret(
        "tls",
        "rsa.key",
        KEY.replace("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY")
            .replace("END PRIVATE KEY", "END RSA PRIVATE KEY"));
    TlsSettings tls =
        TlsSettings.read(
            JSON.readTree(
                "{\"clientCertSecret\":{\"name\":\"tls\",\"key\":\"tls.crt\"},"
                    + "\"clientKeySecret\":{\"name\":\"tls\",\"key\":\"rsa.key\"}}"),
            secrets,
            "nats.tls");

    assertThatThrownBy(() -> tls.sslContext("nats.tls"))
        .hasMessageContaining("nats.tls.clientKeySecret")
        .hasMessageContaining("PKCS#8");
  }

  private HttpResponse<String> get(TlsSettings tls) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(tls.sslContext("nats.tls")).build();
    return client.send(
        HttpRequest.newBuilder(URI.create("https://localhost:" + server.actualPort() + "/"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
