package io.caravan.generator.source.redis;

import static io.caravan.generator.ValidatorFixtures.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravan.generator.Diagnostic;
import org.junit.jupiter.api.Test;

/** Argo's checks of a redis event (inventory §1.4: hostAddress, channels, namespace, tls). */
class RedisSourceTypeTest {

  @Test
  void acceptsPlainAuthenticatedAndTlsSubscriptions() {
    assertThat(
            eventSource(
                """
          redis:
            plain: {hostAddress: "redis:6379", channels: [FOO]}
            full:
              hostAddress: redis:6379
              db: 1
              channels: [a, b]
              username: caravan
              password: {name: redis, key: password}
              namespace: argo-events
              jsonBody: true
              metadata: {team: cache}
              tls: {caCertSecret: {name: redis-tls, key: ca.crt}}
              filter: {expression: "body.x == 1"}
        """))
        .isEmpty();
  }

  @Test
  void reportsArgosValidationMessagesAtTheirFields() {
    assertThat(
            eventSource(
                """
          redis:
            no-host: {channels: [a]}
            no-channels: {hostAddress: "redis:6379"}
            empty-channels: {hostAddress: "redis:6379", channels: []}
            no-namespace:
              hostAddress: redis:6379
              channels: [a]
              password: {name: redis, key: password}
            no-tls-secret: {hostAddress: "redis:6379", channels: [a], tls: {}}
        """))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.redis.no-host.hostAddress", "host address must be specified"),
            tuple("spec.redis.no-channels.channels", "channel/s must be specified"),
            // DIFFERS: Argo accepts an empty list and then subscribes to nothing
            tuple("spec.redis.empty-channels.channels", "channel/s must be specified"),
            tuple(
                "spec.redis.no-namespace.namespace",
                "namespace must be defined in order to retrieve the password from the secret"),
            tuple(
                "spec.redis.no-tls-secret.tls",
                "invalid tls config, please configure either caCertSecret, "
                    + "or clientCertSecret and clientKeySecret, or both"));
  }

  @Test
  void reportsIncompleteSecretsAndUnknownFields() {
    assertThat(
            eventSource(
                """
          redis:
            e:
              hostAddress: redis:6379
              channels: [a]
              namespace: ns
              password: {name: redis}
              pattern: "a*"
        """))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.redis.e.pattern", "unknown field 'pattern'"),
            tuple("spec.redis.e.password.key", "secret key is required"));
  }
}
