package io.caravan.generator.source.nats;

import static io.caravan.generator.ValidatorFixtures.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravan.generator.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Argo's checks of a nats event (inventory §1.4: url, subject, tls, queue) and Caravan's auth
 * checks.
 */
class NatsSourceTypeTest {

  @Test
  void acceptsCoreQueueAndAuthenticatedSubscriptions() {
    assertThat(
            eventSource(
                """
          nats:
            plain: {url: "nats://nats:4222", subject: orders.created}
            grouped:
              url: nats://nats:4222
              subject: "orders.>"
              queue: workers
              jsonBody: true
              metadata: {team: checkout}
              connectionBackoff: {steps: 3, duration: 1s, factor: 2, jitter: 0.1}
              auth: {nkey: {name: nats, key: seed}}
              tls: {caCertSecret: {name: nats-tls, key: ca.crt}}
              filter: {expression: "body.total > 1"}
        """))
        .isEmpty();
  }

  @Test
  void reportsArgosValidationMessagesAtTheirFields() {
    assertThat(
            eventSource(
                """
          nats:
            no-url: {subject: a}
            no-subject: {url: "nats://nats:4222"}
            empty-queue: {url: "nats://nats:4222", subject: a, queue: ""}
            half-tls:
              url: nats://nats:4222
              subject: a
              tls: {clientCertSecret: {name: t, key: crt}}
            no-tls-secret:
              url: nats://nats:4222
              subject: a
              tls: {}
        """))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.nats.no-url.url", "url must be specified"),
            tuple("spec.nats.no-subject.subject", "subject must be specified"),
            tuple("spec.nats.empty-queue.queue", "queue group cannot be empty if specified"),
            tuple(
                "spec.nats.half-tls.tls.clientKeySecret",
                "invalid tls config, both clientCertSecret and clientKeySecret need to be configured"),
            tuple(
                "spec.nats.no-tls-secret.tls",
                "invalid tls config, please configure either caCertSecret, "
                    + "or clientCertSecret and clientKeySecret, or both"));
  }

  @Test
  void reportsIncompleteSecretsUnknownFieldsAndAmbiguousAuth() {
    assertThat(
            eventSource(
                """
          nats:
            e:
              url: nats://nats:4222
              subject: a
              jsonbody: true
              auth:
                basic: {username: {name: u, key: user}}
                token: {name: t}
        """))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.nats.e.jsonbody", "unknown field 'jsonbody'"),
            tuple("spec.nats.e.auth.basic", "basic auth needs both username and password"),
            tuple("spec.nats.e.auth.token.key", "secret key is required"),
            tuple(
                "spec.nats.e.auth",
                "more than one of basic, token, nkey and credential is set: only the "
                    + "first of them, in that order, is used (as in Argo)"));
  }
}
