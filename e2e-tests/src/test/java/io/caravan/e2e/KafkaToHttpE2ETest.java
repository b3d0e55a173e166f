package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.RecordingHttpReceiver;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.testing.NatsServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A kafka EventSource (consumer group) and a Sensor compiled from manifests, in two runtimes joined
 * by a real JetStream server, reading an in-JVM KRaft broker: records that pass the source's filter
 * reach a real HTTP receiver with the kafka event data as parameters; after the source restarts,
 * only records produced since arrive (the committed offsets hold; nothing is announced twice).
 */
class KafkaToHttpE2ETest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();
  private static EmbeddedKafkaKraftBroker kafka;

  @BeforeAll
  static void startKafka() {
    kafka = new EmbeddedKafkaKraftBroker(1, 1, "releases");
    kafka.afterPropertiesSet();
  }

  @AfterAll
  static void stopKafka() {
    kafka.destroy();
  }

  private static void produce(String key, String json) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>("releases", key, json)).get();
    }
  }

  private static CaravanRuntime source() throws Exception {
    return Caravan.manifests("manifests/kafka-releases-eventsource.yaml")
        .with("KAFKA", kafka.getBrokersAsString())
        .bus(NATS.url())
        .start();
  }

  @Test
  void filteredRecordsFireTheHttpTriggerAndARestartRepeatsNothing() throws Exception {
    ObjectMapper json = new ObjectMapper();
    produce("billing", "{\"env\":\"staging\",\"version\":\"1.0.0\"}");
    produce("billing", "{\"env\":\"prod\",\"version\":\"1.0.1\"}");
    try (RecordingHttpReceiver receiver = new RecordingHttpReceiver();
        CaravanRuntime sensor =
            Caravan.manifests("manifests/kafka-releases-sensor.yaml")
                .with("RECEIVER", receiver.url("/deploy"))
                .bus(NATS.url())
                .start()) {
      try (CaravanRuntime first = source()) {
        List<RecordingHttpReceiver.Request> fired =
            receiver.awaitRequests(1, Duration.ofSeconds(60), r -> r.body().contains("1.0.1"));
        assertThat(json.readTree(fired.get(0).body()))
            .isEqualTo(
                json.readTree(
                    "{\"service\":\"billing\",\"version\":\"1.0.1\",\"team\":\"platform\"}"));
      }
      produce("search", "{\"env\":\"prod\",\"version\":\"2.0.0\"}");
      try (CaravanRuntime second = source()) {
        receiver.awaitRequests(1, Duration.ofSeconds(60), r -> r.body().contains("2.0.0"));
        Awaitility.await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .untilAsserted(
                () ->
                    assertThat(receiver.requests())
                        .extracting(RecordingHttpReceiver.Request::body)
                        .filteredOn(body -> body.contains("1.0.1"))
                        .as("the record read before the restart is not announced again")
                        .hasSize(1));
      }
      assertThat(receiver.requests())
          .extracting(RecordingHttpReceiver.Request::body)
          .noneMatch(body -> body.contains("staging") || body.contains("1.0.0\""));
    }
  }
}
