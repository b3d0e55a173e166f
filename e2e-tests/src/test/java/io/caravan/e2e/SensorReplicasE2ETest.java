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
import io.micrometer.core.instrument.Counter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Active-active Sensor replicas ({@code replicas: 2}): two runtimes, one here and one in a child
 * JVM, share the durable consumers. Each event fires once; killing one replica ({@code kill -9})
 * loses none.
 */
class SensorReplicasE2ETest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension final NatsServerExtension nats = new NatsServerExtension();
  @TempDir Path work;

  private static List<ArgoEvent> events(String prefix, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> BusPublisher.event("burst", "tick", prefix + i))
        .toList();
  }

  private static Set<String> ids(List<ArgoEvent> events) {
    return events.stream()
        .map(e -> e.data().path("body").path("id").asText())
        .collect(Collectors.toSet());
  }

  @Test
  void twoReplicasShareTheEventsFireEachOnceAndLoseNoneWhenOneIsKilled() throws Exception {
    nats.start();
    try (CountingHttpReceiver receiver = new CountingHttpReceiver("id");
        BusPublisher publisher = new BusPublisher(nats.url())) {
      Caravan sensor =
          Caravan.manifests("manifests/burst-sensor.yaml")
              .with("SENSOR", "shared")
              .with("REPLICAS", 2)
              .with("RECEIVER", receiver.url("/record"))
              .bus(nats.url())
              .camelProperty("camel.component.eventbus.maxInFlight", 8)
              .camelProperty("camel.component.eventbus.ackWait", "3s");
      try (CaravanRuntime replicaOne = sensor.start();
          ChildRuntime replicaTwo =
              ChildRuntime.start(
                  sensor, nats.url(), work.resolve("replica-2"), Duration.ofSeconds(60))) {
        // Both replicas running: 10,000 events, each fires exactly once, and both did part of the
        // work.
        List<ArgoEvent> shared = events("s-", 10_000);
        long begin = System.nanoTime();
        publisher.publish(shared);
        assertThat(receiver.awaitAll(ids(shared), Duration.ofSeconds(90)))
            .as(
                "all 10,000 events triggered; missing e.g. %s",
                SensorDurabilityE2ETest.missing(ids(shared), receiver))
            .isTrue();
        long sharedMillis = Duration.ofNanos(System.nanoTime() - begin).toMillis();
        await("no event fired twice")
            .during(Duration.ofMillis(500))
            .atMost(Duration.ofSeconds(5))
            .until(() -> receiver.duplicates() == 0);
        double byReplicaOne = triggered(replicaOne);
        System.out.printf(
            "two replicas: 10000 events in %d ms, %d requests, %d duplicates,"
                + " replica 1 fired %.0f, replica 2 fired %.0f%n",
            sharedMillis,
            receiver.total(),
            receiver.duplicates(),
            byReplicaOne,
            receiver.total() - byReplicaOne);
        assertThat(receiver.duplicates()).as("each event fires once").isZero();
        assertThat(receiver.total()).isEqualTo(10_000);
        assertThat(byReplicaOne)
            .as("replica 1 fired part, replica 2 the rest")
            .isBetween(1.0, 9_999.0);

        // Replica 2 is killed in the middle of 2,000 more: replica 1 triggers every one of them.
        List<ArgoEvent> more = events("k-", 2_000);
        publisher.publish(more);
        assertThat(receiver.awaitTotal(10_000 + 300, Duration.ofSeconds(30))).isTrue();
        replicaTwo.kill();
        int atKill = receiver.total() - 10_000;
        assertThat(receiver.awaitAll(ids(more), Duration.ofSeconds(60)))
            .as(
                "no event lost with a replica killed; missing e.g. %s",
                SensorDurabilityE2ETest.missing(ids(more), receiver))
            .isTrue();
        Set<String> all = new HashSet<>(ids(shared));
        all.addAll(ids(more));
        System.out.printf(
            "replica 2 killed (kill -9) after %d of 2000 more events: all delivered,"
                + " %d duplicates in all%n",
            atKill, receiver.duplicates());
        assertThat(receiver.counts().keySet()).containsAll(all);
        assertThat(atKill).as("killed while events were still coming").isLessThan(2_000);
      }
    }
  }

  @Test
  void anAndConditionWhoseEventsReachDifferentReplicasFiresOnceWithBoth() throws Exception {
    nats.start();
    int rounds = 100;
    try (RecordingHttpReceiver receiver = new RecordingHttpReceiver();
        BusPublisher publisher = new BusPublisher(nats.url())) {
      Caravan sensor =
          Caravan.manifests("manifests/and-sensor.yaml")
              .with("RECEIVER", receiver.url("/ship"))
              .bus(nats.url());
      try (CaravanRuntime replicaOne = sensor.start();
          CaravanRuntime replicaTwo = sensor.start()) {
        for (int round = 0; round < rounds; round++) {
          // Both halves at once: each may go to either replica, and both replicas update the same
          // KV key.
          publisher.publish(
              List.of(
                  BusPublisher.event("shop", "order", "o-" + round),
                  BusPublisher.event("shop", "payment", "p-" + round)));
          receiver.awaitRequests(round + 1, Duration.ofSeconds(20), r -> true);
        }
        await("no condition fired twice")
            .during(Duration.ofMillis(300))
            .atMost(Duration.ofSeconds(5))
            .until(() -> receiver.requests().size() == rounds);
        List<String> pairs =
            receiver.requests().stream()
                .map(
                    r -> {
                      try {
                        JsonNode body = JSON.readTree(r.body());
                        return body.path("order").asText() + "+" + body.path("payment").asText();
                      } catch (Exception e) {
                        throw new AssertionError(e);
                      }
                    })
                .toList();
        assertThat(pairs).hasSize(rounds);
        assertThat(pairs)
            .containsExactlyElementsOf(
                IntStream.range(0, rounds).mapToObj(i -> "o-" + i + "+p-" + i).toList());
        System.out.printf(
            "AND across two replicas: %d rounds, %d fires, replica 1 fired %.0f,"
                + " replica 2 fired %.0f%n",
            rounds, pairs.size(), triggered(replicaOne), triggered(replicaTwo));
      }
    }
  }

  @Test
  void twoReplicasTogetherKeepTheTriggersRateLimitNotTwiceIt() throws Exception {
    nats.start();
    int perSecond = 5;
    int count = 40;
    try (CountingHttpReceiver receiver = new CountingHttpReceiver("id");
        BusPublisher publisher = new BusPublisher(nats.url())) {
      Caravan sensor =
          Caravan.manifests("manifests/rate-limited-sensor.yaml")
              .with("RECEIVER", receiver.url("/record"))
              .with("PER_SECOND", perSecond)
              .bus(nats.url())
              .camelProperty("camel.component.eventbus.maxInFlight", 8);
      try (CaravanRuntime replicaOne = sensor.start();
          CaravanRuntime replicaTwo = sensor.start()) {
        List<ArgoEvent> burst = events("r-", count);
        publisher.publish(burst);
        assertThat(receiver.awaitAll(ids(burst), Duration.ofSeconds(25)))
            .as("all triggered")
            .isTrue();
        // After the burst (the full bucket) one token per 1/perSecond s. The first requests also
        // open the HTTP
        // connections, so measure from the one a second of tokens past the burst to the last one.
        List<Long> arrivals = receiver.arrivals();
        int from = 2 * perSecond;
        double seconds = (arrivals.get(arrivals.size() - 1) - arrivals.get(from)) / 1e9;
        double rate = (arrivals.size() - 1 - from) / seconds;
        double byReplicaOne = triggered(replicaOne);
        System.out.printf(
            "rateLimit %d/s with two replicas: %d events, %.2f/s over the last %.2f s"
                + " (a bucket per replica would allow %d/s), replica 1 fired %.0f, replica 2 fired %.0f%n",
            perSecond,
            arrivals.size(),
            rate,
            seconds,
            2 * perSecond,
            byReplicaOne,
            triggered(replicaTwo));
        assertThat(receiver.duplicates()).isZero();
        assertThat(byReplicaOne).as("both replicas fired").isBetween(1.0, count - 1.0);
        assertThat(rate)
            .as("the Sensor's rate, not twice it")
            .isBetween(0.85 * perSecond, 1.15 * perSecond);
      }
    }
  }

  private static double triggered(CaravanRuntime runtime) {
    Counter counter = runtime.meterRegistry().find("argo_events_action_triggered").counter();
    return counter == null ? 0 : counter.count();
  }
}
