package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.RecordingHttpReceiver;
import io.caravan.e2e.support.Webhook;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.testing.NatsServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Caravan promises beyond Argo: 200 only once stored, nothing accepted lost across restarts.
 */
class DeliveryGuaranteesE2ETest {

  @RegisterExtension final NatsServerExtension nats = new NatsServerExtension();

  private final ObjectMapper mapper = new ObjectMapper();
  private RecordingHttpReceiver receiver;
  private CaravanRuntime source;
  private String url;

  @BeforeEach
  void start() throws Exception {
    nats.start();
    receiver = new RecordingHttpReceiver();
    int port = Webhook.freePort();
    url = "http://127.0.0.1:" + port + "/orders";
    source =
        Caravan.manifests("manifests/orders-eventsource.yaml")
            .with("PORT", port)
            .bus(nats.url())
            .start();
  }

  @AfterEach
  void stop() {
    source.close();
    receiver.close();
  }

  private CaravanRuntime startSensor() throws Exception {
    return Caravan.manifests("manifests/orders-sensor.yaml")
        .with("RECEIVER", receiver.url("/crm"))
        .bus(nats.url())
        .start();
  }

  private static String order(int i) {
    return "{\"kind\":\"order\",\"id\":\"o-" + i + "\",\"amount\":100,\"customer\":\"c" + i + "\"}";
  }

  @Test
  void eventsAcceptedWhileTheSensorIsDownTriggerExactlyOnceWhenItIsBack() throws Exception {
    CaravanRuntime sensor = startSensor(); // creates the durable consumer
    sensor.close();

    for (int i = 0; i < 100; i++) {
      assertThat(Webhook.post(url, order(i)).status()).as("event %d", i).isEqualTo(200);
    }
    assertThat(receiver.requests()).isEmpty();

    try (CaravanRuntime restarted = startSensor()) {
      receiver.awaitRequests(100, Duration.ofSeconds(60), r -> true);
      // A redelivery would show up as a second request for an order within this window.
      await("no order triggered twice")
          .during(Duration.ofMillis(1500))
          .atMost(Duration.ofSeconds(5))
          .until(() -> countByOrderId().values().stream().allMatch(count -> count == 1L));
      Map<String, Long> perOrder = countByOrderId();
      assertThat(perOrder).hasSize(100);
      assertThat(perOrder.values()).allMatch(count -> count == 1L);
    }
  }

  @Test
  void webhookNeverAnswers200WhileTheBusIsDownAndRecoversWithoutRestart() throws Exception {
    try (CaravanRuntime sensor = startSensor()) {
      assertThat(Webhook.post(url, order(1)).status()).isEqualTo(200);
      receiver.awaitRequests(1, Duration.ofSeconds(20), r -> true);

      nats.stop();
      List<Integer> statuses = new ArrayList<>();
      for (int i = 2; i < 5; i++) {
        statuses.add(Webhook.post(url, order(i)).status());
      }
      assertThat(statuses).allMatch(status -> status >= 500);

      nats.start();
      await("webhook answers 200 again after the bus is back")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> Webhook.post(url, order(100)).status() == 200);
      receiver.awaitRequests(1, Duration.ofSeconds(30), r -> r.body().contains("\"o-100\""));
    }
  }

  private Map<String, Long> countByOrderId() {
    return receiver.requests().stream()
        .map(
            r -> {
              try {
                return mapper.readTree(r.body()).path("orderId").asText();
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            })
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }
}
