package io.caravan.routes.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.delivery.TriggerRateLimit;
import io.caravan.routes.testing.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.KeyValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rate-limited trigger's token bucket in the Sensor's KV bucket: one bucket for every replica.
 */
class JetStreamRateLimitsTest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  /** A stopped clock: every reservation happens at the same instant, so the waits are exact. */
  private static final Clock STOPPED =
      Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

  private static final TriggerRateLimit FIVE_PER_SECOND =
      TriggerRateLimit.parse("requestsPerUnit: 5");

  @BeforeEach
  void startNats() {
    NATS.start();
  }

  /** A replica: its own connection, its own rate limits, the Sensor's correlation bucket. */
  private JetStreamRateLimits replica(String sensor, Clock clock) throws Exception {
    Connection connection = NATS.connect();
    return new JetStreamRateLimits(
        sensor,
        connection,
        () -> JetStreamCorrelationStore.open(connection, sensor, 1).bucket(),
        clock);
  }

  private static long millis(Duration wait) {
    return wait.toMillis();
  }

  @Test
  void twoReplicasTakeTheirTokensFromOneBucket() throws Exception {
    JetStreamRateLimits one = replica("alerts-shared", STOPPED);
    JetStreamRateLimits two = replica("alerts-shared", STOPPED);
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      waits.add(millis((i % 2 == 0 ? one : two).reserve("notify", FIVE_PER_SECOND)));
    }
    // One burst of 5 between both, then one token per 200 ms: not a burst of 5 each.
    assertThat(waits).containsExactly(0L, 0L, 0L, 0L, 0L, 200L, 400L, 600L);
  }

  @Test
  void replicasTakingTokensAtTheSameTimeLoseNone() throws Exception {
    JetStreamRateLimits one = replica("alerts-concurrent", STOPPED);
    JetStreamRateLimits two = replica("alerts-concurrent", STOPPED);
    int each = 40;
    CyclicBarrier together = new CyclicBarrier(4);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<List<Long>>> takers = new ArrayList<>();
    try {
      for (JetStreamRateLimits replica : List.of(one, one, two, two)) { // two threads per replica
        takers.add(
            pool.submit(
                () -> {
                  together.await(10, TimeUnit.SECONDS);
                  List<Long> waits = new ArrayList<>();
                  for (int i = 0; i < each / 2; i++) {
                    waits.add(millis(replica.reserve("notify", FIVE_PER_SECOND)));
                  }
                  return waits;
                }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> taker : takers) {
        all.addAll(taker.get(60, TimeUnit.SECONDS));
      }
      Collections.sort(all);
      // Every token taken exactly once: the burst, then one slot every 200 ms, none given twice.
      List<Long> expected = new ArrayList<>(Collections.nCopies(5, 0L));
      IntStream.rangeClosed(1, 2 * each - 5).forEach(slot -> expected.add(slot * 200L));
      assertThat(all).containsExactlyElementsOf(expected);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theBucketRefillsWithWallClockTime() throws Exception {
    Instant start = Instant.parse("2026-03-01T10:00:00Z");
    JetStreamRateLimits one = replica("alerts-refill", STOPPED);
    for (int i = 0; i < 5; i++) {
      assertThat(one.reserve("notify", FIVE_PER_SECOND)).isZero();
    }
    // Another replica, 600 ms later by its clock: three tokens came back, the fourth waits 200 ms.
    JetStreamRateLimits later =
        replica("alerts-refill", Clock.fixed(start.plusMillis(600), ZoneOffset.UTC));
    assertThat(later.reserve("notify", FIVE_PER_SECOND)).isZero();
    assertThat(later.reserve("notify", FIVE_PER_SECOND)).isZero();
    assertThat(later.reserve("notify", FIVE_PER_SECOND)).isZero();
    assertThat(later.reserve("notify", FIVE_PER_SECOND)).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void eachTriggerHasItsOwnKeyInTheSensorsBucketAndItGoesWithTheTrigger() throws Exception {
    JetStreamRateLimits limits = replica("alerts-keys", STOPPED);
    limits.reserve("notify", FIVE_PER_SECOND);
    limits.reserve("page", TriggerRateLimit.parse("unit: Minute\nrequestsPerUnit: 30"));

    KeyValue bucket = NATS.connect().keyValue("alerts-keys");
    assertThat(bucket.keys()).containsExactlyInAnyOrder("ratelimit.notify", "ratelimit.page");
    assertThat(new String(bucket.get("ratelimit.page").getValue()))
        .contains("\"requestsPerUnit\":30", "\"unit\":\"PT1M\"", "\"nextTokenAt\":");

    // The correlation store's clean-up of removed triggers keeps the rate limits of the Sensor's
    // triggers...
    JetStreamCorrelationStore store =
        JetStreamCorrelationStore.open(NATS.connect(), "alerts-keys", 1);
    assertThat(store.retainTriggers("alerts-keys", Set.of("notify", "page"))).isEmpty();
    // ...and deletes those of a trigger that is gone.
    assertThat(store.retainTriggers("alerts-keys", Set.of("notify"))).containsExactly("page");
    assertThat(bucket.keys()).containsExactly("ratelimit.notify");
  }

  @Test
  void anUnreadableValueStartsWithAFullBucket() throws Exception {
    JetStreamRateLimits limits = replica("alerts-unreadable", STOPPED);
    limits.reserve("notify", FIVE_PER_SECOND);
    NATS.connect().keyValue("alerts-unreadable").put("ratelimit.notify", "not json".getBytes());
    for (int i = 0; i < 5; i++) {
      assertThat(limits.reserve("notify", FIVE_PER_SECOND)).isZero();
    }
    assertThat(limits.reserve("notify", FIVE_PER_SECOND)).isEqualTo(Duration.ofMillis(200));
  }
}
