package io.caravan.routes.source.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.RabbitMqServerExtension;
import io.caravan.routes.testing.RouteContractTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An {@code amqps://} URL against a real RabbitMQ TLS listener (a self-signed certificate for
 * localhost): the tls block's CA is trusted, and without it the JVM's trust store refuses the
 * broker (the RabbitMQ client alone would trust any certificate for amqps).
 */
class AmqpTlsTest extends RouteContractTestSupport {
  private static final String CERT = resource("/webhook-tls/test-cert.pem");

  @RegisterExtension
  static final RabbitMqServerExtension RABBIT =
      new RabbitMqServerExtension().withTls(CERT, resource("/webhook-tls/test-key.pem"));

  private static String resource(String name) {
    try (InputStream in = AmqpTlsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String queueOf(String event) {
    return context.getRoutes().stream()
        .map(r -> r.getConsumer())
        .filter(
            c -> c instanceof AmqpSourceConsumer a && a.getEndpoint().getEventName().equals(event))
        .map(c -> String.valueOf(((AmqpSourceConsumer) c).queue()))
        .findFirst()
        .orElse("null");
  }

  @Test
  void theTlsBlocksCaIsTrustedAndTheJvmsTrustStoreAloneRefusesTheBroker() throws Exception {
    context
        .getRegistry()
        .bind(
            SecretStore.BEAN_NAME,
            new MapSecretStore()
                .putSecret("rabbitmq", "user", RabbitMqServerExtension.USER)
                .putSecret("rabbitmq", "password", RabbitMqServerExtension.PASSWORD)
                .putSecret("rabbitmq-tls", "ca.crt", CERT));
    String common =
        """
                exchangeName: secure
                exchangeType: fanout
                routingKey: any
                usernameSecret: rabbitmq/user
                passwordSecret: rabbitmq/password
                backoffDuration: 200ms
                backoffJitter: 0
        """;
    String yaml =
        """
        - route:
            id: trusted
            from:
              uri: kamelet:amqp-source
              parameters:
                eventSourceName: bus
                eventName: trusted
                url: %s
                tls: true
                tlsCaCertSecret: rabbitmq-tls/ca.crt
        %s
              steps:
                - to: mock:trusted
        - route:
            id: untrusted
            from:
              uri: kamelet:amqp-source
              parameters:
                eventSourceName: bus
                eventName: untrusted
                url: %s
        %s
              steps:
                - to: mock:untrusted
        """
            .formatted(RABBIT.tlsUrl("localhost"), common, RABBIT.tlsUrl("localhost"), common);
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("tls.yaml", yaml));

    // a TLS handshake with a private node on a loaded machine can take a while
    await().atMost(Duration.ofSeconds(90)).until(() -> !queueOf("trusted").equals("null"));
    RABBIT
        .connect()
        .createChannel()
        .basicPublish("secure", "any", null, "{}".getBytes(StandardCharsets.UTF_8));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(getMockEndpoint("mock:trusted").getReceivedCounter()).isEqualTo(1));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(4))
        .until(() -> queueOf("untrusted"), queue -> queue.equals("null"));
  }
}
