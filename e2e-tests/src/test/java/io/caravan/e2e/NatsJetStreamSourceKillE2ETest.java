package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.SourceKillRun;
import io.caravan.routes.testing.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nats source's JetStream extension ({@code nats.<event>.jetStream}) through a {@code kill -9}:
 * 1,000 messages are published (250/s, each acknowledged by the server) to the user's stream {@code
 * ORDERS} while the source reads it through a durable consumer from a child JVM; the child is
 * killed after about 200 reached the trigger and a new one binds to the same durable consumer. A
 * message is acknowledged only after the bus stored its event, so the one in flight at the kill is
 * redelivered after the consumer's ack wait (2 s here) and every message arrives; the event id is
 * {@code <eventSource>:<event>:<stream>:<stream sequence>}, so a redelivered message whose event
 * the bus had stored is dropped as a duplicate: none fires twice.
 */
class NatsJetStreamSourceKillE2ETest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();
  @TempDir Path work;

  @Test
  void aKilledSourceLosesNoStoredMessageAndRepeatsNone() throws Exception {
    Connection client = NATS.connect();
    client
        .jetStreamManagement()
        .addStream(
            StreamConfiguration.builder()
                .name("ORDERS")
                .subjects("shop.orders.>")
                .storageType(StorageType.File)
                .build());
    JetStream jetStream = client.jetStream();
    SourceKillRun.Result result =
        SourceKillRun.of(
                "nats jetStream",
                Caravan.manifests("manifests/nats-jetstream-kill-eventsource.yaml")
                    .with("NATS", NATS.url()),
                NATS.url(),
                work)
            .event("nats-orders", "placed", "body.id")
            .messages(1_000)
            .killAfter(200)
            .publishing(
                250,
                (index, id) ->
                    jetStream.publish(
                        "shop.orders.eu",
                        ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)))
            .run();

    assertThat(result.lost()).isZero();
    assertThat(result.duplicates()).as("a redelivered message's id is dropped by the bus").isZero();
    ConsumerInfo consumer =
        client.jetStreamManagement().getConsumerInfo("ORDERS", "caravan-kill-orders");
    assertThat(consumer.getNumPending() + consumer.getNumAckPending())
        .as("every message delivered and acknowledged")
        .isZero();
  }
}
