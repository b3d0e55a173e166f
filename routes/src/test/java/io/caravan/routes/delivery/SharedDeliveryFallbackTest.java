package io.caravan.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.routes.testing.NatsServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When the KV of the bus is unreachable, a trigger falls back to this runtime's rate limit and
 * de-duplication, with a rate-limited warning and no error for the bus consumer; once NATS is back,
 * the shared state is used again.
 */
class SharedDeliveryFallbackTest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();
  private static final Logger FALLBACK_LOG = Logger.getLogger(SharedStateAccess.class.getName());

  private final List<SensorReplica> replicas = new ArrayList<>();
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureFallbackLog() {
    NATS.start();
    FALLBACK_LOG.addHandler(capture);
  }

  @AfterEach
  void stopReplicas() {
    FALLBACK_LOG.removeHandler(capture);
    replicas.forEach(SensorReplica::close);
    NATS.start();
  }

  private SensorReplica replica(String sensor, String rateLimit) throws Exception {
    SensorReplica replica = new SensorReplica(sensor, NATS.url(), Duration.ofMinutes(1), rateLimit);
    replicas.add(replica);
    return replica;
  }

  private List<String> warnings() {
    return logged.stream()
        .filter(r -> r.getLevel() == Level.WARNING)
        .map(LogRecord::getMessage)
        .toList();
  }

  @Test
  void withNatsDownATriggerUsesThisRuntimesStateThenTheSharedStateOnceNatsIsBack()
      throws Exception {
    SensorReplica one = replica("fallback", "unit: Second\nrequestsPerUnit: 2");
    SensorReplica two = replica("fallback", "unit: Second\nrequestsPerUnit: 2");
    one.deliver("before-1"); // both runtimes connected, the shared state in use
    two.deliver("before-2");
    Thread.sleep(1_100); // justified: the shared bucket refills with time only
    assertThat(warnings()).isEmpty();

    NATS.stop();
    Thread.sleep(500); // justified: the clients see the connection go (no event to wait on)
    one.attemptStarts.clear();
    List<CountDownLatch> runs = new ArrayList<>();
    for (String id : List.of("d1", "d2", "d3", "d4")) {
      runs.add(one.deliverAsync(id));
    }
    for (CountDownLatch run : runs) {
      assertThat(run.await(20, TimeUnit.SECONDS)).isTrue();
    }
    // This runtime's own bucket (full): two at once, then one every 500 ms.
    List<Long> starts = one.attemptStarts;
    assertThat(starts).hasSize(4);
    assertThat(Duration.ofNanos(starts.get(3) - starts.get(0)))
        .isBetween(Duration.ofMillis(900), Duration.ofMillis(1_500));
    // This runtime's own de-duplication.
    one.deliver("d1");
    assertThat(one.attempts).containsExactly("before-1", "d1", "d2", "d3", "d4");
    assertThat(one.duplicates()).isEqualTo(1);
    assertThat(one.failedDeliveries).as("nothing thrown to the bus consumer").isEmpty();
    // One warning per kind of shared state, not one per event.
    assertThat(warnings()).hasSize(2);
    assertThat(warnings()).anySatisfy(w -> assertThat(w).contains("rate limit"));
    assertThat(warnings()).anySatisfy(w -> assertThat(w).contains("de-duplication record"));

    NATS.start();
    AtomicInteger round = new AtomicInteger();
    await("a set fired on replica one is dropped by replica two again")
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(
            () -> {
              String id = "after-" + round.incrementAndGet();
              one.deliver(id);
              two.redeliver(id);
              return !two.attempts.contains(id);
            });
    assertThat(logged).anySatisfy(r -> assertThat(r.getMessage()).contains("works again"));
    assertThat(two.failedDeliveries).isEmpty();
  }
}
