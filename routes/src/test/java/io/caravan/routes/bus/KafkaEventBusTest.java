package io.caravan.routes.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.event.ArgoEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The bus contract against an in-JVM KRaft broker, plus what the Kafka bus writes. */
class KafkaEventBusTest extends EventBusContractTest {
  private static EmbeddedKafkaKraftBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
  }

  @AfterAll
  static void stopBroker() {
    broker.destroy();
  }

  @Override
  protected void configureBus(EventBusComponent component) {
    component.setUrl("kafka://" + broker.getBrokersAsString() + "?topic=bus-contract");
  }

  @Override
  protected long unacknowledged(String durableName) throws Exception {
    return ((KafkaTransport) component.transport()).unacknowledged(durableName);
  }

  @Test
  void publishesTheCloudEventKeyedByEventSourceAndEventWithItsIdHeader() throws Exception {
    context.start();
    ArgoEvent sent = event(source, "ev", "wire");
    publishOk(sent);

    try (KafkaConsumer<String, byte[]> raw =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    ByteArrayDeserializer.class.getName()))) {
      TopicPartition partition = new TopicPartition("bus-contract", 0);
      raw.assign(List.of(partition));
      raw.seekToBeginning(List.of(partition));
      ConsumerRecord<String, byte[]> found = null;
      long deadline = System.currentTimeMillis() + WAIT.toMillis();
      while (found == null && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, byte[]> record : raw.poll(Duration.ofMillis(200))) {
          if ((source + ".ev").equals(record.key())) {
            found = record;
          }
        }
      }
      assertThat(found).as("the record keyed %s.ev", source).isNotNull();
      assertThat(
              new String(
                  found.headers().lastHeader(KafkaTransport.MSG_ID_HEADER).value(),
                  StandardCharsets.UTF_8))
          .isEqualTo(sent.id());
      String json = new String(found.value(), StandardCharsets.UTF_8);
      assertThat(json).contains("\"id\":\"" + sent.id() + "\"").contains("wire");
    }
  }

  @Test
  void urlWithoutBrokerIsRefused() {
    component.setUrl("kafka://");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(() -> component.transport())
                .getMessage())
        .contains("names no broker");
  }
}
