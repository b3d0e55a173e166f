package io.caravan.routes.trigger.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.testing.TriggerTestRoutes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** kafka trigger against an in-JVM KRaft broker: key, headers, secure header, acks, compression. */
class KafkaTriggerSinkTest {
  private static EmbeddedKafkaKraftBroker broker;

  private TriggerTestRoutes routes;

  @BeforeAll
  static void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 1, "deployments");
    broker.afterPropertiesSet();
  }

  @AfterAll
  static void stopBroker() {
    broker.destroy();
  }

  @BeforeEach
  void start() throws Exception {
    routes =
        new TriggerTestRoutes(new MapSecretStore().putSecret("kafka-auth", "token", "t0ken"))
            .trigger(
                "produce",
                "template:\n  name: produce\n  kafka:\n"
                    + "    url: "
                    + broker.getBrokersAsString()
                    + "\n    topic: deployments\n"
                    + "    requiredAcks: 1\n    compress: true\n    flushFrequency: 5\n"
                    + "    headers: {X-Source: caravan}\n"
                    + "    secureHeaders:\n      - name: X-Token\n        valueFrom:\n"
                    + "          secretKeyRef: {name: kafka-auth, key: token}\n"
                    + "    payload:\n      - src: {dependencyName: test-dep, dataKey: body.service}\n        dest: service\n"
                    + "    parameters:\n      - src: {dependencyName: test-dep, dataKey: body.service}\n"
                    + "        dest: partitioningKey\n",
                "kamelet:kafka-sink?sensorName=test-sensor&triggerName=produce")
            .start();
  }

  @AfterEach
  void stop() {
    routes.close();
  }

  @Test
  void producesTheKeyedPayloadWithHeadersAndWaitsForTheAck() throws Exception {
    Exchange done = routes.fire("produce", "{\"service\":\"billing\"}");

    assertThat(done.getException()).isNull();
    assertThat(done.getMessage().getHeader("CaravanKafkaOffset", Long.class)).isNotNull();
    ConsumerRecord<byte[], byte[]> record = consumeOne("deployments");
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("billing");
    assertThat(new String(record.value(), StandardCharsets.UTF_8))
        .isEqualTo("{\"service\":\"billing\"}");
    assertThat(new String(record.headers().lastHeader("X-Source").value(), StandardCharsets.UTF_8))
        .isEqualTo("caravan");
    assertThat(new String(record.headers().lastHeader("X-Token").value(), StandardCharsets.UTF_8))
        .isEqualTo("t0ken");
  }

  private static ConsumerRecord<byte[], byte[]> consumeOne(String topic) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
            ConsumerConfig.GROUP_ID_CONFIG, "kafka-trigger-test",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (records.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      assertThat(records).hasSize(1);
      return records.get(0);
    }
  }
}
