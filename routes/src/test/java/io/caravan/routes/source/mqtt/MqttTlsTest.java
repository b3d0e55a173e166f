package io.caravan.routes.source.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.MosquittoExtension;
import io.caravan.routes.testing.RouteContractTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An {@code ssl://} URL against a real mosquitto TLS listener (a self-signed certificate for
 * localhost): the tls block's CA is trusted, and without it the JVM's trust store refuses the
 * broker.
 */
class MqttTlsTest extends RouteContractTestSupport {
  private static final String CERT = resource("/webhook-tls/test-cert.pem");

  @RegisterExtension
  static final MosquittoExtension MQTT =
      new MosquittoExtension().withTls(CERT, resource("/webhook-tls/test-key.pem"));

  private static String resource(String name) {
    try (InputStream in = MqttTlsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private boolean subscribed(String event) {
    return context.getRoutes().stream()
        .map(r -> r.getConsumer())
        .anyMatch(
            c ->
                c instanceof MqttSourceConsumer m
                    && m.isSubscribed()
                    && m.getEndpoint().getEventName().equals(event));
  }

  @Test
  void theTlsBlocksCaIsTrustedAndTheJvmsTrustStoreAloneRefusesTheBroker() throws Exception {
    context
        .getRegistry()
        .bind(SecretStore.BEAN_NAME, new MapSecretStore().putSecret("mqtt-tls", "ca.crt", CERT));
    String url = MQTT.url().replace("127.0.0.1", "localhost");
    String yaml =
        """
        - route:
            id: trusted
            from:
              uri: kamelet:mqtt-source
              parameters:
                eventSourceName: bus
                eventName: trusted
                url: %s
                topic: secure
                clientId: caravan-trusted
                tls: true
                tlsCaCertSecret: mqtt-tls/ca.crt
              steps:
                - to: mock:trusted
        - route:
            id: untrusted
            from:
              uri: kamelet:mqtt-source
              parameters:
                eventSourceName: bus
                eventName: untrusted
                url: %s
                topic: secure
                clientId: caravan-untrusted
                backoffDuration: 200ms
              steps:
                - to: mock:untrusted
        """
            .formatted(url, url);
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("tls.yaml", yaml));

    await().atMost(Duration.ofSeconds(20)).until(() -> subscribed("trusted"));
    MqttClient publisher = new MqttClient(url, "publisher", new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setSocketFactory(trusting(CERT).getSocketFactory());
    publisher.connect(options);
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                publisher.publish("secure", "{}".getBytes(StandardCharsets.UTF_8), 0, false);
                assertThat(getMockEndpoint("mock:trusted").getReceivedCounter()).isPositive();
              });
    } finally {
      publisher.disconnect();
      publisher.close();
    }
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .until(() -> !subscribed("untrusted"));
  }

  private static SSLContext trusting(String pem) throws Exception {
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry(
        "ca",
        java.security.cert.CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
