package io.caravan.generator.source.kafka;

import static io.caravan.generator.ValidatorFixtures.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravan.generator.Diagnostic;
import org.junit.jupiter.api.Test;

/** Argo's checks of a kafka event (inventory §1.4, §1.5.4) and what Caravan does not run. */
class KafkaSourceTypeTest {

  @Test
  void acceptsPartitionAndConsumerGroupModes() {
    assertThat(
            eventSource(
                """
          kafka:
            tail: {url: "kafka:9092", topic: a, partition: "1", jsonBody: true}
            group:
              url: kafka-0:9092,kafka-1:9092
              topic: orders
              consumerGroup: {groupName: g, oldest: true, rebalanceStrategy: roundrobin}
              limitEventsPerSecond: 10
              version: "2.5.0"
              tls: {caCertSecret: {name: kafka-tls, key: ca.crt}}
              sasl:
                mechanism: SCRAM-SHA-256
                userSecret: {name: kafka, key: user}
                passwordSecret: {name: kafka, key: password}
              connectionBackoff: {steps: 3, duration: 1s}
              metadata: {team: a}
              filter: {expression: "body.total > 1"}
        """))
        .isEmpty();
  }

  @Test
  void reportsArgosValidationMessagesAtTheirFields() {
    assertThat(
            eventSource(
                """
          kafka:
            no-url: {topic: a, partition: "0"}
            no-topic: {url: "kafka:9092", partition: "0"}
            no-mode: {url: "kafka:9092", topic: a}
            bad-partition: {url: "kafka:9092", topic: a, partition: first}
            no-group-name: {url: "kafka:9092", topic: a, consumerGroup: {oldest: true}}
            half-sasl:
              url: kafka:9092
              topic: a
              partition: "0"
              sasl: {mechanism: PLAIN, userSecret: {name: k, key: u}}
        """))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.kafka.no-url.url", "url must be specified"),
            tuple("spec.kafka.no-topic.topic", "topic must be specified"),
            tuple("spec.kafka.no-mode", "consumerGroup or partition must be specified"),
            tuple(
                "spec.kafka.bad-partition.partition",
                "failed to parse Kafka partition first: not a number"),
            tuple(
                "spec.kafka.no-group-name.consumerGroup.groupName", "groupName must be specified"),
            tuple(
                "spec.kafka.half-sasl.sasl",
                "invalid sasl config, both userSecret and passwordSecret must be defined"));
  }

  @Test
  void whatCaravanDoesNotRunIsNamed() {
    assertThat(
            eventSource(
                """
          kafka:
            avro:
              url: kafka:9092
              topic: a
              partition: "0"
              schemaRegistry: {url: "http://registry:8081", schemaId: 3}
            msk:
              url: kafka:9092
              topic: a
              partition: "0"
              awsMskIamAuth: {region: eu-west-1}
            sarama:
              url: kafka:9092
              topic: a
              consumerGroup: {groupName: g, rebalanceStrategy: fastest}
              config: "consumer: {fetch: {min: 1}}"
        """))
        .extracting(Diagnostic::severity, Diagnostic::path)
        .containsExactlyInAnyOrder(
            tuple(Diagnostic.Severity.ERROR, "spec.kafka.avro.schemaRegistry"),
            tuple(Diagnostic.Severity.ERROR, "spec.kafka.msk.awsMskIamAuth"),
            tuple(Diagnostic.Severity.WARNING, "spec.kafka.sarama.consumerGroup.rebalanceStrategy"),
            tuple(Diagnostic.Severity.WARNING, "spec.kafka.sarama.config"));
  }
}
