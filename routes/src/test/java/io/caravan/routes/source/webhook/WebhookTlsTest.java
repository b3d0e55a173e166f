package io.caravan.routes.source.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.Http;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/** HTTPS from PEM certificate and key read through the SecretStore (test-only self-signed pair). */
class WebhookTlsTest extends CamelTestSupport {
  private final int port = AvailablePortFinder.getNextAvailable();

  @Override
  protected void bindToRegistry(Registry registry) throws Exception {
    registry.bind(
        SecretStore.BEAN_NAME,
        new MapSecretStore()
            .putSecret("webhook-tls", "tls.crt", resource("/webhook-tls/test-cert.pem"))
            .putSecret("webhook-tls", "tls.key", resource("/webhook-tls/test-key.pem")));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = WebhookTlsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("argo-webhook:"
                + port
                + "/secure"
                + "?serverCertSecret=webhook-tls/tls.crt&serverKeySecret=webhook-tls/tls.key")
            .to("mock:secure");
      }
    };
  }

  private static HttpClient trustingClient() throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = WebhookTlsTest.class.getResourceAsStream("/webhook-tls/test-cert.pem")) {
      trust.setCertificateEntry(
          "test", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, factory.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1).build();
  }

  @Test
  void servesHttpsWithTheSecretCertificate() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:secure");
    mock.expectedMessageCount(1);
    HttpClient client = trustingClient();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/secure"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"secure\":true}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("success");
    HttpResponse<String> health =
        client.send(
            HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.body()).isEqualTo("OK");
    mock.assertIsSatisfied();
    assertThat(mock.getReceivedExchanges().get(0).getIn().getBody().toString())
        .contains("\"secure\":true");
  }

  @Test
  void plainHttpIsNotServed() {
    // The TLS port drops a plain request without an HTTP answer.
    assertThatThrownBy(
            () ->
                Http.send(
                    Http.request("http://localhost:" + port + "/health")
                        .timeout(java.time.Duration.ofSeconds(2))
                        .build()))
        .isInstanceOf(IOException.class);
  }
}
