package io.caravan.routes.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.routes.testing.NatsServerExtension;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fired event ids of a Sensor in a KV bucket with max age = the de-duplication window. */
class JetStreamFiredEventIdsTest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  @BeforeEach
  void startNats() {
    NATS.start();
  }

  private JetStreamFiredEventIds replica(String sensor, Duration window) throws Exception {
    Connection connection = NATS.connect();
    return new JetStreamFiredEventIds(sensor, connection, window, 1);
  }

  @Test
  void idsRecordedByOneReplicaAreSeenByTheOtherForTheTriggerOnly() throws Exception {
    JetStreamFiredEventIds one = replica("orders", Duration.ofMinutes(1));
    JetStreamFiredEventIds two = replica("orders", Duration.ofMinutes(1));
    assertThat(two.firedRecently("notify", "e1,e2")).isFalse();
    one.recordFired("notify", "e1,e2"); // published without waiting for the bus
    await("the record is stored")
        .atMost(Duration.ofSeconds(5))
        .ignoreExceptions()
        .until(() -> two.firedRecently("notify", "e1,e2"));
    assertThat(two.firedRecently("audit", "e1,e2")).as("another trigger").isFalse();
    assertThat(two.firedRecently("notify", "e1")).as("another set").isFalse();
  }

  @Test
  void theBucketIsNamedAfterTheSensorAndKeepsEntriesForTheWindow() throws Exception {
    replica("orders", Duration.ofMinutes(1)).recordFired("notify", "id with spaces/and*wildcards>");
    Connection reader = NATS.connect();
    await("the record is stored")
        .atMost(Duration.ofSeconds(5))
        .ignoreExceptions()
        .until(() -> !reader.keyValue("_fired_orders").keys().isEmpty());
    var status = reader.keyValueManagement().getStatus("_fired_orders");
    assertThat(status.getTtl()).isEqualTo(Duration.ofMinutes(1));
    assertThat(status.getMaxHistoryPerKey()).isEqualTo(1);
    List<String> keys = reader.keyValue("_fired_orders").keys();
    assertThat(keys).singleElement().asString().matches("notify\\.[0-9a-f]{64}");
    assertThat(JetStreamFiredEventIds.bucketName("my.sensor")).isEqualTo("_fired_my_sensor");
  }

  @Test
  void aRecordIsForgottenAfterTheWindow() throws Exception {
    JetStreamFiredEventIds one = replica("short", Duration.ofSeconds(1));
    one.recordFired("notify", "e1");
    await("the record is stored")
        .atMost(Duration.ofSeconds(5))
        .ignoreExceptions()
        .until(() -> one.firedRecently("notify", "e1"));
    long recorded = System.nanoTime();
    await("the record expired")
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> !one.firedRecently("notify", "e1"));
    assertThat(Duration.ofNanos(System.nanoTime() - recorded))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
  }

  @Test
  void aRuntimeWithAnotherWindowChangesTheBucketsMaxAge() throws Exception {
    replica("changed", Duration.ofMinutes(1)).recordFired("notify", "e1");
    replica("changed", Duration.ofSeconds(30)).recordFired("notify", "e2");
    assertThat(NATS.connect().keyValueManagement().getStatus("_fired_changed").getTtl())
        .isEqualTo(Duration.ofSeconds(30));
  }
}
