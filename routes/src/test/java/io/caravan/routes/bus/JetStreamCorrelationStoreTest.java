package io.caravan.routes.bus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.sensor.CorrelationState;
import io.caravan.routes.sensor.CorrelationStore;
import io.caravan.routes.sensor.CorrelationStore.Transition;
import io.caravan.routes.testing.NatsServerExtension;
import io.nats.client.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Correlation state in a KV bucket per Sensor: durable across connections, safe between replicas.
 */
class JetStreamCorrelationStoreTest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  @BeforeEach
  void startNats() {
    NATS.start();
  }

  private JetStreamCorrelationStore open(String sensor) throws Exception {
    Connection connection = NATS.connect();
    return JetStreamCorrelationStore.open(connection, sensor, 1);
  }

  private static ArgoEvent event(String id) {
    return new ArgoEvent(
        id,
        "src",
        "1.0",
        "webhook",
        "ev",
        "2026-01-01T00:00:00Z",
        "application/json",
        JsonNodeFactory.instance.objectNode().put("id", id));
  }

  /** Stores the event for the dependency; fires (and clears) when both a and b are present. */
  private static Transition storeAndTest(
      CorrelationStore store, String dependency, ArgoEvent event) {
    return store.update(
        "orders",
        "ship",
        state -> {
          CorrelationState next = state.forDefinition("d1").with(dependency, event, Instant.now());
          if (next.events().keySet().containsAll(Set.of("a", "b"))) {
            return new Transition(CorrelationState.empty("d1"), next.eventsByDependency());
          }
          return new Transition(next, null);
        });
  }

  @Test
  void theBucketIsNamedAfterTheSensorAndOutlivesTheConnection() throws Exception {
    Connection first = NATS.connect();
    storeAndTest(JetStreamCorrelationStore.open(first, "orders", 1), "a", event("a-1"));
    first.close();

    Connection second = NATS.connect();
    JetStreamCorrelationStore reopened = JetStreamCorrelationStore.open(second, "orders", 1);
    assertThat(second.keyValueManagement().getBucketNames()).contains("orders");
    CorrelationState stored = reopened.read("orders", "ship");
    assertThat(stored.definition()).isEqualTo("d1");
    assertThat(stored.eventsByDependency().get("a").id()).isEqualTo("a-1");
    Transition fired = storeAndTest(reopened, "b", event("b-1"));
    assertThat(fired.fired()).containsOnlyKeys("a", "b");
    assertThat(reopened.read("orders", "ship").isEmpty()).isTrue();
  }

  @Test
  void stateOfTriggersTheSensorNoLongerHasIsDeleted() throws Exception {
    JetStreamCorrelationStore store = open("orders");
    storeAndTest(store, "a", event("a-1"));
    store.update(
        "orders",
        "removed",
        state ->
            new Transition(state.forDefinition("d2").with("x", event("x-1"), Instant.now()), null));

    assertThat(store.retainTriggers("orders", Set.of("ship"))).containsExactly("removed");

    JetStreamCorrelationStore reopened = open("orders");
    assertThat(reopened.read("orders", "removed").isEmpty()).isTrue();
    assertThat(reopened.read("orders", "ship").eventsByDependency().get("a").id()).isEqualTo("a-1");
    assertThat(reopened.retainTriggers("orders", Set.of("ship"))).isEmpty();
  }

  @Test
  void bucketNamesKeepArgosNameAndReplaceWhatKvRefuses() {
    assertThat(JetStreamCorrelationStore.bucketName("webhook-sensor_1"))
        .isEqualTo("webhook-sensor_1");
    assertThat(JetStreamCorrelationStore.bucketName("my.sensor")).isEqualTo("my_sensor");
  }

  @Test
  void twoReplicasUpdatingAtTheSameTimeNeverLoseAnUpdate() throws Exception {
    CorrelationStore replicaOne = open("orders");
    CorrelationStore replicaTwo = open("orders");
    int rounds = 60;
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    int fires = 0;
    try {
      for (int round = 0; round < rounds; round++) {
        String a = "a-" + round;
        String b = "b-" + round;
        Future<Transition> one =
            pool.submit(
                () -> {
                  together.await(10, TimeUnit.SECONDS);
                  return storeAndTest(replicaOne, "a", event(a));
                });
        Future<Transition> two =
            pool.submit(
                () -> {
                  together.await(10, TimeUnit.SECONDS);
                  return storeAndTest(replicaTwo, "b", event(b));
                });
        Map<String, ArgoEvent> firedOne = one.get(20, TimeUnit.SECONDS).fired();
        Map<String, ArgoEvent> firedTwo = two.get(20, TimeUnit.SECONDS).fired();
        assertThat(firedOne == null ^ firedTwo == null)
            .as("round %d: exactly one replica sees both events", round)
            .isTrue();
        Map<String, ArgoEvent> fired = firedOne != null ? firedOne : firedTwo;
        assertThat(fired.get("a").id()).isEqualTo(a);
        assertThat(fired.get("b").id()).isEqualTo(b);
        fires++;
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fires).isEqualTo(rounds);
    assertThat(replicaOne.read("orders", "ship").isEmpty()).isTrue();
  }

  @Test
  void concurrentUpdatesFromOneRuntimeLoseNothing() throws Exception {
    CorrelationStore store = open("orders");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> writes = new ArrayList<>();
    try {
      for (int thread = 0; thread < 8; thread++) {
        int t = thread;
        writes.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    String dependency = "d" + t + "-" + i;
                    store.update(
                        "orders",
                        "collect",
                        state ->
                            new Transition(
                                state.with(dependency, event(dependency), Instant.now()), null));
                  }
                }));
      }
      for (Future<?> write : writes) {
        write.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.read("orders", "collect").events()).hasSize(200);
  }
}
