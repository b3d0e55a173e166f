package io.caravan.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.routes.testing.NatsServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two replicas of one Sensor on one JetStream, each with its own {@link TriggerDelivery}: the
 * trigger's rate limit holds for the Sensor, and an event set that fired on one replica is dropped
 * by the other within the window.
 */
class SharedTriggerDeliveryTest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  /** A short de-duplication window (Argo's is 1 minute), so that its end can be seen. */
  private static final Duration WINDOW = Duration.ofSeconds(2);

  private static final long SECOND = 1_000_000_000L;

  private final List<SensorReplica> replicas = new ArrayList<>();

  private SensorReplica replica(String sensor, String rateLimit) throws Exception {
    SensorReplica replica = new SensorReplica(sensor, NATS.url(), WINDOW, rateLimit);
    replicas.add(replica);
    return replica;
  }

  @AfterEach
  void stopReplicas() {
    replicas.forEach(SensorReplica::close);
  }

  @Test
  void twoReplicasTogetherRunAtTheSensorsRateNotTwiceIt() throws Exception {
    SensorReplica one = replica("rated", "unit: Second\nrequestsPerUnit: 5");
    SensorReplica two = replica("rated", "unit: Second\nrequestsPerUnit: 5");
    one.deliver("warm-up-1"); // connects both runtimes to the bus before the burst
    two.deliver("warm-up-2");
    Thread.sleep(1_100); // justified: the rate limiter's bucket refills with time only
    one.attemptStarts.clear();
    two.attemptStarts.clear();

    int each = 15;
    List<CountDownLatch> runs = new ArrayList<>();
    for (int i = 0; i < each; i++) { // a burst at both replicas at once
      runs.add(one.deliverAsync("a-" + i));
      runs.add(two.deliverAsync("b-" + i));
    }
    for (CountDownLatch run : runs) {
      assertThat(run.await(30, TimeUnit.SECONDS)).isTrue();
    }
    List<Long> starts = new ArrayList<>(one.attemptStarts);
    starts.addAll(two.attemptStarts);
    starts.sort(null);
    long first = starts.get(0);
    long withinThreeSeconds = starts.stream().filter(start -> start - first < 3 * SECOND).count();
    double seconds = (starts.get(starts.size() - 1) - first) / (double) SECOND;
    double rate = (starts.size() - 5) / seconds; // after the burst of 5
    System.out.printf(
        "rateLimit 5/s, 2 replicas, %d events: %d started within 3 s (5 + 3 s x 5/s = 20;"
            + " a bucket per replica: 30), all in %.2f s, %.2f/s after the burst%n",
        starts.size(), withinThreeSeconds, seconds, rate);

    assertThat(one.attemptStarts).hasSize(each);
    assertThat(two.attemptStarts).hasSize(each);
    assertThat(withinThreeSeconds).isBetween(17L, 21L);
    assertThat(rate).isBetween(4.5, 5.6);
  }

  @Test
  void eventsThatFiredOnOneReplicaAreDroppedByTheOtherUntilTheWindowEnds() throws Exception {
    SensorReplica one = replica("dedup", null);
    SensorReplica two = replica("dedup", null);
    one.deliver("e1", "e2");
    long fired = System.nanoTime();
    assertThat(one.attempts).containsExactly("e1,e2");
    one.awaitRecorded("e1", "e2");

    two.redeliver("e2", "e1"); // redelivered to the other replica: the set fired already
    assertThat(two.attempts).isEmpty();
    assertThat(two.duplicates()).isEqualTo(1);

    // Once the window passed, the same set fires again.
    await("the set fires again once the window passed")
        .atMost(WINDOW.plusSeconds(10))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              two.redeliver("e1", "e2");
              return !two.attempts.isEmpty();
            });
    assertThat(two.attempts).containsExactly("e1,e2");
    assertThat(Duration.ofNanos(System.nanoTime() - fired)).isGreaterThanOrEqualTo(WINDOW);
    assertThat(one.failedDeliveries).isEmpty();
    assertThat(two.failedDeliveries).isEmpty();
  }

  @Test
  void aSetWhoseTriggerFailedIsNotRecordedSoTheOtherReplicaFiresIt() throws Exception {
    SensorReplica one = replica("failed", null);
    SensorReplica two = replica("failed", null);
    one.failuresLeft.set(1);
    one.deliver("f1");
    assertThat(one.attempts).containsExactly("f1"); // one attempt, failed (no retryStrategy)

    two.redeliver("f1");
    assertThat(two.attempts).containsExactly("f1");
    assertThat(two.duplicates()).isZero();
  }

  @Test
  void aSetIsRecordedOnlyOnceItsTriggerSucceededNotWhenItStarts() throws Exception {
    SensorReplica one = replica("running", null);
    SensorReplica two = replica("running", null);
    SensorReplica three = replica("running", null);
    one.gate = new CountDownLatch(1);
    // The action runs on the thread that hands the events over: hand them over on another one.
    CompletableFuture<Void> firstRun =
        CompletableFuture.runAsync(
            () -> {
              try {
                one.deliver("r1");
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    await("the trigger runs on replica one")
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> one.attemptStarts.size() == 1);

    // Replica one could still crash before its trigger ran: the other replica must not drop the
    // set.
    two.redeliver("r1");
    assertThat(two.attempts).containsExactly("r1");

    one.gate.countDown();
    firstRun.get(10, TimeUnit.SECONDS);
    one.awaitRecorded("r1");
    three.redeliver("r1"); // recorded by now
    assertThat(three.attempts).isEmpty();
    assertThat(three.duplicates()).isEqualTo(1);
  }

  /**
   * Only a redelivered event is looked up in the replicas' record: a first delivery cannot have
   * fired anywhere (the stream drops re-published event ids), so it costs no bus round trip.
   */
  @Test
  void onlyRedeliveredEventsAreLookedUpInTheReplicasRecord() throws Exception {
    SensorReplica one = replica("first", null);
    SensorReplica two = replica("first", null);
    one.deliver("n1");
    one.awaitRecorded("n1");
    two.deliver("n1"); // as if delivered for the first time: not looked up
    assertThat(two.attempts).containsExactly("n1");
    two.redeliver("n2");
    assertThat(two.attempts).containsExactly("n1", "n2");
    SensorReplica three = replica("first", null);
    three.redeliver("n1");
    assertThat(three.attempts).isEmpty();
    assertThat(three.duplicates()).isEqualTo(1);
  }

  /**
   * With atLeastOnce false the bus message is acknowledged before the trigger runs: nothing to
   * record.
   */
  @Test
  void withoutAtLeastOnceNothingIsRecordedForTheReplicas() throws Exception {
    SensorReplica one = replica("acked-first", null);
    one.atLeastOnce(false);
    one.deliver("a1");
    await("the detached run")
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> one.attempts.size() == 1);
    Thread.sleep(500); // justified: a record, were one published, would be stored by now
    SensorReplica two = replica("acked-first", null);
    two.redeliver("a1");
    assertThat(two.attempts).containsExactly("a1");
  }
}
