package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.SourceKillRun;
import io.caravan.routes.testing.NatsServerExtension;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The kafka source through a {@code kill -9}: a consumer-group source in a child JVM reads 1,000
 * records (200/s), is killed in the middle, and a new source takes over the group. Offsets are
 * committed only after the bus stored the event, so every record arrives; records read again after
 * the kill carry the same deterministic event id, which JetStream drops, so none fires twice.
 */
class KafkaSourceKillE2ETest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();
  private static EmbeddedKafkaKraftBroker kafka;
  @TempDir Path work;

  @BeforeAll
  static void startKafka() {
    kafka = new EmbeddedKafkaKraftBroker(1, 1, "orders");
    kafka.afterPropertiesSet();
  }

  @AfterAll
  static void stopKafka() {
    kafka.destroy();
  }

  @Test
  void aKilledSourceLosesNoRecordAndRepeatsNone() throws Exception {
    int records = 1_000;
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < records; i++) {
        String id = SourceKillRun.id(i);
        producer.send(new ProducerRecord<>("orders", "k" + i, "{\"id\":\"" + id + "\"}"));
      }
      producer.flush();
    }
    SourceKillRun.Result result =
        SourceKillRun.of(
                "kafka",
                Caravan.manifests("manifests/kafka-orders-eventsource.yaml")
                    .with("KAFKA", kafka.getBrokersAsString()),
                NATS.url(),
                work)
            .event("orders", "placed", "body.id")
            .messages(records)
            .killAfter(200) // the source reads 200/s (limitEventsPerSecond)
            .run();

    assertThat(result.lost()).isZero();
    assertThat(result.duplicates()).as("a record read again is dropped by the bus").isZero();
    assertThat(result.requests()).isEqualTo(records);
  }
}
