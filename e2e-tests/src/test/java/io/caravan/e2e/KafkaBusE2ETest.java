package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.RecordingHttpReceiver;
import io.caravan.e2e.support.Webhook;
import io.caravan.routes.runtime.CaravanRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A webhook EventSource and a Sensor in two runtimes joined by the Kafka EventBus (an in-JVM KRaft
 * broker, {@code kafka://host:port}): accepted events reach a real HTTP receiver, and events
 * accepted while the Sensor is down are delivered when it comes back (its consumer group kept its
 * position).
 */
class KafkaBusE2ETest {
  private static EmbeddedKafkaKraftBroker kafka;

  @BeforeAll
  static void startKafka() {
    kafka = new EmbeddedKafkaKraftBroker(1, 1);
    kafka.afterPropertiesSet();
  }

  @AfterAll
  static void stopKafka() {
    kafka.destroy();
  }

  private static String busUrl() {
    return "kafka://" + kafka.getBrokersAsString() + "?topic=e2e-bus";
  }

  @Test
  void webhookEventsCrossTheKafkaBusToTheSensorAlsoWhileTheSensorWasDown() throws Exception {
    ObjectMapper json = new ObjectMapper();
    int port = Webhook.freePort();
    String url = "http://127.0.0.1:" + port + "/orders";
    try (RecordingHttpReceiver receiver = new RecordingHttpReceiver();
        CaravanRuntime source =
            Caravan.manifests("manifests/orders-eventsource.yaml")
                .with("PORT", port)
                .bus(busUrl())
                .start()) {
      Caravan sensor =
          Caravan.manifests("manifests/orders-sensor.yaml")
              .with("RECEIVER", receiver.url("/crm/orders"))
              .bus(busUrl());
      try (CaravanRuntime first = sensor.start()) {
        assertThat(
                Webhook.post(
                    url, "{\"kind\":\"order\",\"id\":\"o-1\",\"amount\":250,\"customer\":\"ada\"}"))
            .isEqualTo(new Webhook.Answer(200, "success"));
        assertThat(
                Webhook.post(
                        url,
                        "{\"kind\":\"order\",\"id\":\"o-2\",\"amount\":5,\"customer\":\"bob\"}")
                    .status())
            .isEqualTo(200);
        List<RecordingHttpReceiver.Request> fired =
            receiver.awaitRequests(1, Duration.ofSeconds(60), r -> r.body().contains("\"o-1\""));
        assertThat(json.readTree(fired.get(0).body()).path("customer").asText()).isEqualTo("ADA");
      }

      assertThat(
              Webhook.post(
                      url, "{\"kind\":\"order\",\"id\":\"o-3\",\"amount\":300,\"customer\":\"cy\"}")
                  .status())
          .as("the webhook answers once Kafka stored the event, Sensor or not")
          .isEqualTo(200);
      try (CaravanRuntime second = sensor.start()) {
        receiver.awaitRequests(1, Duration.ofSeconds(60), r -> r.body().contains("\"o-3\""));
      }
      List<String> orderIds = new ArrayList<>();
      for (RecordingHttpReceiver.Request request : receiver.requests()) {
        orderIds.add(json.readTree(request.body()).path("orderId").asText());
      }
      assertThat(orderIds).as("each accepted event fired once").containsExactly("o-1", "o-3");
    }
    assertThat(recordKeys()).containsExactly("orders.created", "orders.created", "orders.created");
  }

  private static List<String> recordKeys() {
    try (KafkaConsumer<String, String> raw =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()),
            new StringDeserializer(),
            new StringDeserializer())) {
      TopicPartition partition = new TopicPartition("e2e-bus", 0);
      raw.assign(List.of(partition));
      raw.seekToBeginning(List.of(partition));
      List<String> keys = new ArrayList<>();
      long deadline = System.currentTimeMillis() + 10_000;
      while (keys.size() < 3 && System.currentTimeMillis() < deadline) {
        for (ConsumerRecord<String, String> record : raw.poll(Duration.ofMillis(500))) {
          keys.add(record.key());
        }
      }
      return keys;
    }
  }
}
