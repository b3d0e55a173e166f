package io.caravan.routes.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.routes.testing.NatsServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Sensor whose dependency now names another event keeps its durable name (Argo's hash of sensor,
 * trigger and dependency): the durable must then follow the new subject, not keep reading the old
 * one.
 */
class JetStreamDurableChangeTest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  private static BusSettings settings() {
    return new BusSettings(
        NATS.url(),
        null,
        null,
        1000,
        Duration.ofHours(1),
        -1,
        Duration.ofMinutes(2),
        1,
        1,
        Duration.ofSeconds(30),
        Duration.ofMillis(200),
        Duration.ofSeconds(5),
        Duration.ofSeconds(2));
  }

  @Test
  void aDurableWhoseSubjectChangedConsumesTheNewSubject() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    try (JetStreamTransport transport = JetStreamTransport.connect(settings())) {
      transport.subscribe("default.shop.order", "group-42", delivery -> delivery.ack()).stop();
      BusTransport.Subscription now =
          transport.subscribe(
              "default.shop.refund",
              "group-42",
              delivery -> {
                received.add(new String(delivery.data(), StandardCharsets.UTF_8));
                delivery.ack();
              });
      transport
          .publish("default.shop.refund", "m-1", "refund".getBytes(StandardCharsets.UTF_8))
          .get();
      await("the refund arrives on the changed durable")
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(() -> !received.isEmpty());
      now.stop();
    }
    assertThat(received).containsExactly("refund");
  }
}
