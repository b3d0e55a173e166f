package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.RecordingHttpReceiver;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.testing.NatsServerExtension;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A nats EventSource and a Sensor compiled from manifests, in two runtimes joined by a real
 * JetStream server: messages published on a user subject (on the same nats-server) that pass the
 * source's filter reach a real HTTP receiver with the nats event data as parameters.
 */
class NatsToHttpE2ETest {

  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  @Test
  void publishedMessagesThatPassTheFilterFireTheHttpTrigger() throws Exception {
    try (RecordingHttpReceiver receiver = new RecordingHttpReceiver();
        CaravanRuntime source =
            Caravan.manifests("manifests/nats-orders-eventsource.yaml")
                .with("NATS", NATS.url())
                .bus(NATS.url())
                .start();
        CaravanRuntime sensor =
            Caravan.manifests("manifests/nats-orders-sensor.yaml")
                .with("RECEIVER", receiver.url("/orders"))
                .bus(NATS.url())
                .start()) {
      Connection client = NATS.connect();
      // The source subscribes in the background; publish until the first big order is through.
      List<RecordingHttpReceiver.Request> first = null;
      for (int i = 0; i < 50 && first == null; i++) {
        client.publish(
            "shop.orders.eu", "{\"id\":\"small\",\"amount\":5}".getBytes(StandardCharsets.UTF_8));
        client.publish(
            "shop.orders.eu", "{\"id\":\"o-1\",\"amount\":250}".getBytes(StandardCharsets.UTF_8));
        client.flush(Duration.ofSeconds(2));
        try {
          first = receiver.awaitRequests(1, Duration.ofMillis(300), r -> true);
        } catch (AssertionError | Exception notYet) {
          first = null;
        }
      }
      assertThat(first).as("a trigger request").isNotNull();
      client.publish(
          "shop.orders.us", "{\"id\":\"o-2\",\"amount\":100}".getBytes(StandardCharsets.UTF_8));
      client.publish("shop.orders.us", "not json".getBytes(StandardCharsets.UTF_8));
      client.flush(Duration.ofSeconds(2));

      List<RecordingHttpReceiver.Request> o2 =
          receiver.awaitRequests(1, Duration.ofSeconds(10), r -> r.body().contains("o-2"));
      assertThat(new ObjectMapper().readTree(o2.get(0).body()))
          .isEqualTo(
              new ObjectMapper()
                  .readTree("{\"subject\":\"shop.orders.us\",\"id\":\"o-2\",\"region\":\"eu\"}"));
      assertThat(receiver.requests())
          .extracting(RecordingHttpReceiver.Request::body)
          .noneMatch(body -> body.contains("small"));
    }
  }
}
