package io.caravan.generator.source.amqp;

import static io.caravan.generator.ValidatorFixtures.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravan.generator.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Argo's checks of an amqp event ({@code amqp/validate.go}, inventory §1.4) with its messages, and
 * the ones Caravan adds before the listener starts.
 */
class AmqpSourceTypeTest {

  @Test
  void acceptsArgosExampleShapes() {
    assertThat(
            eventSource(
                """
          amqp:
            plain: {url: "amqp://rabbitmq:5672", exchangeName: test, exchangeType: fanout, routingKey: hello}
            full:
              urlSecret: {name: rabbitmq, key: url}
              exchangeName: alerts
              exchangeType: topic
              routingKey: "alerts.#"
              jsonBody: true
              metadata: {team: ops}
              connectionBackoff: {duration: 10s, steps: 5, factor: 2, jitter: 0.2}
              exchangeDeclare: {durable: true, autoDelete: false, internal: false, noWait: false}
              queueDeclare:
                name: alerts
                durable: true
                exclusive: false
                arguments: |-
                  x-queue-type: quorum
              queueBind: {noWait: false}
              consume: {consumerTag: caravan, autoAck: false, exclusive: true}
              auth:
                username: {name: rabbitmq, key: user}
                password: {name: rabbitmq, key: password}
              tls: {caCertSecret: {name: rabbitmq-tls, key: ca.crt}}
              filter: {expression: "body.severity == 'critical'"}
        """))
        .isEmpty();
  }

  @Test
  void reportsArgosValidationMessagesAtTheirFields() {
    assertThat(
            eventSource(
                """
          amqp:
            no-url: {exchangeType: fanout, routingKey: a}
            both-urls:
              url: amqp://rabbitmq
              urlSecret: {name: rabbitmq, key: url}
              exchangeType: fanout
              routingKey: a
            no-routing-key: {url: "amqp://rabbitmq", exchangeType: fanout}
            no-exchange-type: {url: "amqp://rabbitmq", routingKey: a}
            half-auth:
              url: amqps://rabbitmq
              exchangeType: fanout
              routingKey: a
              auth: {username: {name: rabbitmq, key: user}}
            no-user:
              url: amqps://rabbitmq
              exchangeType: fanout
              routingKey: a
              auth: {password: {name: rabbitmq, key: password}}
            half-tls:
              url: amqps://rabbitmq
              exchangeType: fanout
              routingKey: a
              tls: {clientCertSecret: {name: t, key: crt}}
        """))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.amqp.no-url.url", "either url or urlSecret must be specified"),
            tuple("spec.amqp.both-urls.urlSecret", "only one of url or urlSecret can be specified"),
            tuple("spec.amqp.no-routing-key.routingKey", "routing key must be specified"),
            tuple("spec.amqp.no-exchange-type.exchangeType", "exchange type must be specified"),
            tuple("spec.amqp.half-auth.auth.password", "password missing"),
            tuple("spec.amqp.no-user.auth.username", "username missing"),
            tuple(
                "spec.amqp.half-tls.tls.clientKeySecret",
                "invalid tls config, both clientCertSecret and clientKeySecret need to be configured"));
  }

  @Test
  void reportsBadArgumentsIncompleteSecretsUnknownFieldsAndSurprisingSettings() {
    assertThat(
            eventSource(
                """
          amqp:
            e:
              url: amqp://rabbitmq
              exchangeType: direct
              routingKey: a
              jsonbody: true
              urlSecret: {name: rabbitmq}
              queueDeclare: {arguments: "x-max-length: [1"}
              consume: {consumerTag: caravan}
              tls: {insecureSkipVerify: true}
        """))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.amqp.e.jsonbody", "unknown field 'jsonbody'"),
            tuple("spec.amqp.e.urlSecret", "only one of url or urlSecret can be specified"),
            tuple("spec.amqp.e.urlSecret.key", "secret key is required"),
            tuple(
                "spec.amqp.e.queueDeclare.arguments",
                "failed to parse optional queue declare table arguments from Yaml string: "
                    + "while parsing a flow sequence"),
            tuple(
                "spec.amqp.e.consume.autoAck",
                "a consume block without autoAck means autoAck: false (Go's zero value, as in"
                    + " Argo): each message is acknowledged once the bus stored its event"),
            tuple(
                "spec.amqp.e.tls",
                "tls is used only with an amqps:// URL (as in Argo): this amqp:// connection is"
                    + " not encrypted"));
  }
}
