package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.ChildRuntime;
import io.caravan.e2e.support.CountingHttpReceiver;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.testing.NatsServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
    Set<String> ids =
        IntStream.range(0, records).mapToObj(i -> "o-" + i).collect(Collectors.toSet());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>("orders", "k" + i, "{\"id\":\"o-" + i + "\"}"));
      }
      producer.flush();
    }
    Caravan source =
        Caravan.manifests("manifests/kafka-orders-eventsource.yaml")
            .with("KAFKA", kafka.getBrokersAsString())
            .bus(NATS.url());
    try (CountingHttpReceiver receiver = new CountingHttpReceiver("id");
        CaravanRuntime sensor =
            Caravan.manifests("manifests/kafka-orders-sensor.yaml")
                .with("RECEIVER", receiver.url("/record"))
                .bus(NATS.url())
                .start()) {
      int beforeKill;
      try (ChildRuntime first =
          ChildRuntime.start(source, NATS.url(), work.resolve("source"), Duration.ofSeconds(60))) {
        assertThat(receiver.awaitTotal(200, Duration.ofSeconds(60)))
            .as("the first source is reading")
            .isTrue();
        first.kill();
        beforeKill = receiver.total();
      }
      assertThat(beforeKill).as("killed in the middle of the topic").isLessThan(records);

      try (CaravanRuntime second = source.start()) {
        assertThat(receiver.awaitAll(ids, Duration.ofSeconds(60)))
            .as("every record arrives once the group moved on; %d arrived", receiver.total())
            .isTrue();
        org.awaitility.Awaitility.await("no record fired twice")
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .until(() -> receiver.duplicates() == 0);
      }
      System.out.printf(
          "kafka source through kill -9: %d records, killed after %d, %d requests, %d duplicates%n",
          records, beforeKill, receiver.total(), receiver.duplicates());
      assertThat(receiver.counts().keySet()).containsAll(ids);
      assertThat(receiver.total()).isEqualTo(records);
    }
  }
}
