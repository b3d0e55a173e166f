package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.RecordingHttpReceiver;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.testing.NatsServerExtension;
import io.caravan.routes.testing.RabbitMqServerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * examples/rabbitmq-alerts as written, over a real JetStream, a real RabbitMQ node (URL and
 * credentials from the Secret's keys) and an HTTP receiver in place of the pager: a firing critical
 * alert pages once with its service, summary and routing key; a resolved alert and a warning do
 * not; every delivery is acknowledged.
 */
class RabbitmqAlertsExampleE2ETest {
  private static final Path EXAMPLE =
      Path.of(System.getProperty("caravan.repo.dir", ".."), "examples", "rabbitmq-alerts");

  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();
  @RegisterExtension static final RabbitMqServerExtension RABBIT = new RabbitMqServerExtension();

  @Test
  void aFiringCriticalAlertPagesOnce() throws Exception {
    // The queue is durable: alerts published before the runtime starts wait for it.
    Channel channel = RABBIT.connect().createChannel();
    channel.exchangeDeclare("alerts", "topic", true);
    channel.queueDeclare("caravan-pages", true, false, false, null);
    channel.queueBind("caravan-pages", "alerts", "alerts.critical.#");
    publish(channel, "alerts.warning.billing", "{\"status\":\"firing\",\"service\":\"billing\"}");
    publish(
        channel,
        "alerts.critical.billing",
        "{\"status\":\"resolved\",\"service\":\"billing\",\"summary\":\"ok again\"}");
    publish(
        channel,
        "alerts.critical.checkout",
        "{\"status\":\"firing\",\"service\":\"checkout\",\"summary\":\"error rate 12%\"}");

    MapSecretStore secrets =
        new MapSecretStore()
            .putSecret("rabbitmq-alerts", "url", RABBIT.urlWithoutUser())
            .putSecret("rabbitmq-alerts", "username", RabbitMqServerExtension.USER)
            .putSecret("rabbitmq-alerts", "password", RabbitMqServerExtension.PASSWORD);
    try (RecordingHttpReceiver pager = new RecordingHttpReceiver();
        CaravanRuntime runtime =
            Caravan.manifests(
                    "file:" + EXAMPLE.resolve("eventsource.yaml"),
                    "file:" + EXAMPLE.resolve("sensor.yaml"))
                .bus(NATS.url())
                .secrets(secrets)
                .start(
                    text ->
                        text.replace(
                            "http://pager.ops.svc.cluster.local/v1/pages",
                            pager.url("/v1/pages")))) {
      List<RecordingHttpReceiver.Request> pages =
          pager.awaitRequests(1, Duration.ofSeconds(60), request -> true);
      JsonNode page = new ObjectMapper().readTree(pages.get(0).body());
      assertThat(page.get("service").asText()).isEqualTo("checkout");
      assertThat(page.get("summary").asText()).isEqualTo("error rate 12%");
      assertThat(page.get("routingKey").asText()).isEqualTo("alerts.critical.checkout");
      org.awaitility.Awaitility.await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(4))
          .until(() -> pager.requests().size(), count -> count == 1);
    }
    assertThat(channel.queueDeclarePassive("caravan-pages").getMessageCount())
        .as("every delivery acknowledged, the resolved alert included")
        .isZero();
  }

  private static void publish(Channel channel, String routingKey, String json) throws Exception {
    channel.basicPublish("alerts", routingKey, null, json.getBytes(StandardCharsets.UTF_8));
  }
}
