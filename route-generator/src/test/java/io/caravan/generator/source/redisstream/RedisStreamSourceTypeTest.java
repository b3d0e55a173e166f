package io.caravan.generator.source.redisstream;

import static io.caravan.generator.ValidatorFixtures.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravan.generator.Diagnostic;
import org.junit.jupiter.api.Test;

/** Argo's checks of a redisStream event (inventory §1.4: hostAddress, streams, tls). */
class RedisStreamSourceTypeTest {

  @Test
  void acceptsPlainAndTunedConsumers() {
    assertThat(
            eventSource(
                """
          redisStream:
            plain: {hostAddress: "redis:6379", streams: [FOO]}
            tuned:
              hostAddress: redis:6379
              db: 2
              streams: [a, b]
              consumerGroup: caravan
              maxMsgCountPerRead: 50
              username: caravan
              password: {name: redis, key: password}
              metadata: {team: shop}
              tls: {insecureSkipVerify: true}
              filter: {expression: "values.n == \\"1\\""}
        """))
        .isEmpty();
  }

  @Test
  void reportsArgosValidationMessagesAtTheirFields() {
    assertThat(
            eventSource(
                """
          redisStream:
            no-host: {streams: [a]}
            no-streams: {hostAddress: "redis:6379"}
            negative: {hostAddress: "redis:6379", streams: [a], maxMsgCountPerRead: -5}
            half-tls:
              hostAddress: redis:6379
              streams: [a]
              tls: {clientKeySecret: {name: t, key: key}}
            namespace-is-not-a-field: {hostAddress: "redis:6379", streams: [a], namespace: ns}
        """))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.redisStream.no-host.hostAddress", "host address must be specified"),
            tuple("spec.redisStream.no-streams.streams", "stream/streams must be specified"),
            // DIFFERS: Argo sends no COUNT for a negative value (reads without a limit)
            tuple(
                "spec.redisStream.negative.maxMsgCountPerRead",
                "maxMsgCountPerRead must not be negative"),
            tuple(
                "spec.redisStream.half-tls.tls.clientCertSecret",
                "invalid tls config, both clientCertSecret and clientKeySecret need to be configured"),
            tuple(
                "spec.redisStream.namespace-is-not-a-field.namespace",
                "unknown field 'namespace'"));
  }
}
