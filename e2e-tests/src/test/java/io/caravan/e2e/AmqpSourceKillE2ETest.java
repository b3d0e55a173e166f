package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.SourceKillRun;
import io.caravan.routes.testing.NatsServerExtension;
import io.caravan.routes.testing.RabbitMqServerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The amqp source with {@code autoAck: false} through a {@code kill -9}: 1,000 persistent messages
 * are published with publisher confirms (250/s) to a real RabbitMQ exchange while the source runs
 * in a child JVM; the child is killed after about 200 reached the trigger, and a new one takes over
 * the durable queue while publishing goes on. A delivery is acknowledged only after the bus stored
 * its event, so the broker requeues what the killed runtime had not acknowledged and every message
 * arrives. The amqp event id is random (a message has no stable id across deliveries), so a message
 * whose event was stored but not yet acknowledged at the kill fires twice: at most one.
 */
class AmqpSourceKillE2ETest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();
  @RegisterExtension static final RabbitMqServerExtension RABBIT = new RabbitMqServerExtension();
  private static final String QUEUE = "caravan-kill-orders";
  @TempDir Path work;

  @Test
  void aKilledSourceLosesNoAcceptedMessage() throws Exception {
    Connection connection = RABBIT.connect();
    Channel publishing = connection.createChannel();
    publishing.confirmSelect();
    AMQP.BasicProperties persistent =
        new AMQP.BasicProperties.Builder().deliveryMode(2).contentType("application/json").build();

    SourceKillRun.Result result =
        SourceKillRun.of(
                "amqp",
                Caravan.manifests("manifests/amqp-kill-eventsource.yaml")
                    .with("AMQP", RABBIT.url()),
                NATS.url(),
                work)
            .event("amqp-orders", "placed", "body.id")
            .messages(1_000)
            .killAfter(200)
            .upstreamReady(() -> consumers(connection) > 0)
            .publishing(
                250,
                (index, id) -> {
                  publishing.basicPublish(
                      "orders",
                      "orders.eu",
                      persistent,
                      ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
                  publishing.waitForConfirmsOrDie(Duration.ofSeconds(5).toMillis());
                })
            .run();

    assertThat(result.lost()).isZero();
    assertThat(result.duplicates())
        .as("only a message stored on the bus but not acknowledged at the kill fires twice")
        .isLessThanOrEqualTo(1);
    // the second runtime is killed as well: a delivery left unacknowledged would be back now
    await("every delivery acknowledged")
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .until(() -> queue(connection).getMessageCount() == 0);
  }

  private static int consumers(Connection connection) throws Exception {
    return queue(connection).getConsumerCount();
  }

  /** A passive declare on a channel of its own (a missing queue closes the channel). */
  private static AMQP.Queue.DeclareOk queue(Connection connection) throws Exception {
    try (Channel channel = connection.createChannel()) {
      return channel.queueDeclarePassive(QUEUE);
    }
  }
}
