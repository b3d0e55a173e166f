package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.e2e.support.BusPublisher;
import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.ChildRuntime;
import io.caravan.e2e.support.CountingHttpReceiver;
import io.caravan.e2e.support.RecordingHttpReceiver;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.testing.NatsServerExtension;
import io.nats.client.api.KeyValueEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sensor state and delivery across restarts and crashes, on a real nats-server: AND state in the
 * Sensor's KV bucket, {@code atLeastOnce: true} through a {@code kill -9}. (Two replicas: {@link
 * SensorReplicasE2ETest}.)
 */
class SensorDurabilityE2ETest {
  @RegisterExtension final NatsServerExtension nats = new NatsServerExtension();
  @TempDir Path work;

  private final ObjectMapper json = new ObjectMapper();
  private BusPublisher publisher;

  @BeforeEach
  void start() throws Exception {
    nats.start();
    publisher = new BusPublisher(nats.url());
  }

  @AfterEach
  void stop() throws InterruptedException {
    publisher.close();
  }

  @Test
  void anAndConditionHalfSatisfiedBeforeARestartFiresWithBothEventsAfterIt() throws Exception {
    try (RecordingHttpReceiver receiver = new RecordingHttpReceiver()) {
      Caravan sensor =
          Caravan.manifests("manifests/and-sensor.yaml")
              .with("RECEIVER", receiver.url("/ship"))
              .bus(nats.url());
      ArgoEvent order = BusPublisher.event("shop", "order", "o-1");
      try (CaravanRuntime first = sensor.start()) {
        publisher.publish(List.of(order));
        await("the order is stored in KV bucket 'fulfilment'")
            .atMost(Duration.ofSeconds(20))
            .ignoreExceptions()
            .until(() -> storedState().contains("o-1"));
      }
      assertThat(receiver.requests()).as("half of the condition fires nothing").isEmpty();

      try (CaravanRuntime second = sensor.start()) {
        publisher.publish(List.of(BusPublisher.event("shop", "payment", "p-1")));
        JsonNode shipped =
            json.readTree(
                receiver.awaitRequests(1, Duration.ofSeconds(30), r -> true).get(0).body());
        assertThat(shipped.path("order").asText()).isEqualTo("o-1");
        assertThat(shipped.path("payment").asText()).isEqualTo("p-1");
      }
      assertThat(storedState()).as("the fired state is cleared").doesNotContain("o-1");
    }
  }

  @Test
  void stateStoredBeforeTheSensorsConditionsChangedIsDroppedAtRestart() throws Exception {
    try (RecordingHttpReceiver receiver = new RecordingHttpReceiver()) {
      Caravan sensor =
          Caravan.manifests("manifests/and-sensor.yaml")
              .with("RECEIVER", receiver.url("/ship"))
              .bus(nats.url());
      try (CaravanRuntime first = sensor.start()) {
        publisher.publish(List.of(BusPublisher.event("shop", "order", "o-old")));
        await("the order is stored")
            .atMost(Duration.ofSeconds(20))
            .ignoreExceptions()
            .until(() -> storedState().contains("o-old"));
      }
      // The same trigger with a changed condition: what was stored under the old one no longer
      // counts.
      try (CaravanRuntime changed =
          sensor.start(
              text ->
                  text.replace("conditions: order && payment", "conditions: payment && order"))) {
        publisher.publish(List.of(BusPublisher.event("shop", "payment", "p-new")));
        await("the payment is stored")
            .atMost(Duration.ofSeconds(20))
            .ignoreExceptions()
            .until(() -> storedState().contains("p-new"));
        assertThat(storedState()).doesNotContain("o-old");
        assertThat(receiver.requests()).isEmpty();
        publisher.publish(List.of(BusPublisher.event("shop", "order", "o-new")));
        JsonNode shipped =
            json.readTree(
                receiver.awaitRequests(1, Duration.ofSeconds(30), r -> true).get(0).body());
        assertThat(shipped.path("order").asText()).isEqualTo("o-new");
        assertThat(shipped.path("payment").asText()).isEqualTo("p-new");
      }
    }
  }

  private String storedState() throws Exception {
    KeyValueEntry entry = publisher.connection().keyValue("fulfilment").get("ship");
    return entry == null ? "" : new String(entry.getValue(), StandardCharsets.UTF_8);
  }

  @Test
  void atLeastOnceTriggersEveryEventOfABurstThroughAKillMinus9OfTheSensor() throws Exception {
    int events = 1000;
    // A receiver that takes 5 ms per request keeps the burst running long enough to kill the sensor
    // in it.
    try (CountingHttpReceiver receiver = new CountingHttpReceiver("id", Duration.ofMillis(5))) {
      Caravan sensor =
          Caravan.manifests("manifests/burst-sensor.yaml")
              .with("SENSOR", "burst")
              .with("REPLICAS", 1)
              .with("RECEIVER", receiver.url("/record"))
              .bus(nats.url())
              .camelProperty("camel.component.eventbus.ackWait", "3s");
      List<ArgoEvent> burst =
          IntStream.range(0, events)
              .mapToObj(i -> BusPublisher.event("burst", "tick", "t-" + i))
              .toList();
      Set<String> ids =
          burst.stream()
              .map(e -> e.data().path("body").path("id").asText())
              .collect(Collectors.toSet());
      long begin = System.nanoTime();
      int beforeKill;
      try (ChildRuntime child =
          ChildRuntime.start(sensor, nats.url(), work.resolve("sensor"), Duration.ofSeconds(60))) {
        publisher.publish(burst);
        assertThat(receiver.awaitTotal(150, Duration.ofSeconds(30)))
            .as("the sensor is triggering")
            .isTrue();
        child.kill();
        beforeKill = receiver.total();
      }
      assertThat(beforeKill).as("killed during the burst").isLessThan(events);

      try (CaravanRuntime restarted = sensor.start()) {
        assertThat(receiver.awaitAll(ids, Duration.ofSeconds(60)))
            .as("every event triggered at least once; missing: %s", missing(ids, receiver))
            .isTrue();
        Thread.sleep(1000); // justified: late redeliveries count in the duplicates figure too
      }
      System.out.printf(
          "at-least-once through kill -9: %d events, killed after %d requests, %d requests,"
              + " %d duplicates, %d ms%n",
          events,
          beforeKill,
          receiver.total(),
          receiver.duplicates(),
          Duration.ofNanos(System.nanoTime() - begin).toMillis());
      assertThat(receiver.counts().keySet()).containsAll(ids);
      assertThat(receiver.total()).isEqualTo(events + receiver.duplicates());
    }
  }

  static Set<String> missing(Set<String> ids, CountingHttpReceiver receiver) {
    return ids.stream()
        .filter(id -> !receiver.counts().containsKey(id))
        .limit(10)
        .collect(Collectors.toSet());
  }
}
