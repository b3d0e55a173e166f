package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.RecordingHttpReceiver;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.testing.NatsServerExtension;
import io.caravan.routes.testing.RabbitMqServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An amqp EventSource and a Sensor compiled from manifests, in two runtimes joined by a real
 * JetStream bus: messages published to a real RabbitMQ exchange (URL and credentials from secrets)
 * that pass the source's filter reach a real HTTP receiver with the amqp event data as parameters,
 * and every delivery is acknowledged (the durable queue is empty at the end).
 */
class AmqpToHttpE2ETest {

  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();
  @RegisterExtension static final RabbitMqServerExtension RABBIT = new RabbitMqServerExtension();

  @Test
  void publishedMessagesThatPassTheFilterFireTheHttpTriggerAndAreAcknowledged() throws Exception {
    MapSecretStore secrets =
        new MapSecretStore()
            .putSecret("rabbitmq", "url", RABBIT.urlWithoutUser())
            .putSecret("rabbitmq", "user", RabbitMqServerExtension.USER)
            .putSecret("rabbitmq", "password", RabbitMqServerExtension.PASSWORD);
    try (RecordingHttpReceiver receiver = new RecordingHttpReceiver();
        CaravanRuntime source =
            Caravan.manifests("manifests/amqp-alerts-eventsource.yaml")
                .secrets(secrets)
                .bus(NATS.url())
                .start();
        CaravanRuntime sensor =
            Caravan.manifests("manifests/amqp-alerts-sensor.yaml")
                .with("RECEIVER", receiver.url("/page"))
                .bus(NATS.url())
                .start()) {
      Channel channel = RABBIT.connect().createChannel();
      // The source declares the exchange and queue in the background: publish until the first
      // critical alert is through (publishing to an exchange that does not exist closes the
      // channel).
      List<RecordingHttpReceiver.Request> first = null;
      for (int i = 0; i < 60 && first == null; i++) {
        if (!channel.isOpen()) {
          channel = RABBIT.connect().createChannel();
        }
        try {
          channel.basicPublish("alerts", "alerts.disk", null, bytes("{\"id\":\"low\"}"));
          channel.basicPublish(
              "alerts", "alerts.db", null, bytes("{\"id\":\"a-1\",\"severity\":\"critical\"}"));
          channel.exchangeDeclarePassive("alerts");
        } catch (Exception noExchangeYet) {
          // the channel is closed; the next round opens another one
        }
        try {
          first = receiver.awaitRequests(1, Duration.ofMillis(500), r -> true);
        } catch (AssertionError | Exception notYet) {
          first = null;
        }
      }
      assertThat(first).as("a trigger request").isNotNull();
      channel.basicPublish(
          "alerts", "alerts.api", null, bytes("{\"id\":\"a-2\",\"severity\":\"critical\"}"));
      channel.basicPublish("alerts", "alerts.api", null, bytes("not json"));

      List<RecordingHttpReceiver.Request> a2 =
          receiver.awaitRequests(1, Duration.ofSeconds(15), r -> r.body().contains("a-2"));
      assertThat(new ObjectMapper().readTree(a2.get(0).body()))
          .isEqualTo(
              new ObjectMapper()
                  .readTree("{\"routingKey\":\"alerts.api\",\"id\":\"a-2\",\"team\":\"sre\"}"));
      assertThat(receiver.requests())
          .extracting(RecordingHttpReceiver.Request::body)
          .noneMatch(body -> body.contains("low"));
    }
    // both runtimes are stopped: a delivery left unacknowledged would be back in the queue now
    assertThat(
            RABBIT
                .connect()
                .createChannel()
                .queueDeclarePassive("caravan-alerts")
                .getMessageCount())
        .as("every delivery acknowledged (or rejected, for the one that is not JSON)")
        .isZero();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
