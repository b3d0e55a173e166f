package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.RecordingHttpReceiver;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.testing.NatsServerExtension;
import io.caravan.routes.testing.RedisServerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * A redis EventSource and a Sensor compiled from manifests, in two runtimes joined by a real
 * JetStream server: messages published on a real redis-server channel that pass the source's filter
 * reach a real HTTP receiver with the redis event data as parameters.
 */
class RedisToHttpE2ETest {

  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  @Test
  void publishedMessagesThatPassTheFilterFireTheHttpTrigger() throws Exception {
    try (RecordingHttpReceiver receiver = new RecordingHttpReceiver();
        CaravanRuntime source =
            Caravan.manifests("manifests/redis-orders-eventsource.yaml")
                .with("REDIS", REDIS.hostAddress())
                .bus(NATS.url())
                .start();
        CaravanRuntime sensor =
            Caravan.manifests("manifests/redis-orders-sensor.yaml")
                .with("RECEIVER", receiver.url("/orders"))
                .bus(NATS.url())
                .start()) {
      Jedis client = REDIS.client();
      // The source subscribes in the background; publish until the first big order is through.
      List<RecordingHttpReceiver.Request> first = null;
      for (int i = 0; i < 50 && first == null; i++) {
        client.publish("shop.orders", "{\"id\":\"small\",\"amount\":5}");
        client.publish("shop.orders", "{\"id\":\"o-1\",\"amount\":250}");
        try {
          first = receiver.awaitRequests(1, Duration.ofMillis(300), r -> true);
        } catch (AssertionError | Exception notYet) {
          first = null;
        }
      }
      assertThat(first).as("a trigger request").isNotNull();
      client.publish("shop.orders", "{\"id\":\"o-2\",\"amount\":100}");
      client.publish("shop.orders", "not json");

      List<RecordingHttpReceiver.Request> o2 =
          receiver.awaitRequests(1, Duration.ofSeconds(10), r -> r.body().contains("o-2"));
      assertThat(new ObjectMapper().readTree(o2.get(0).body()))
          .isEqualTo(
              new ObjectMapper()
                  .readTree("{\"channel\":\"shop.orders\",\"id\":\"o-2\",\"region\":\"eu\"}"));
      assertThat(receiver.requests())
          .extracting(RecordingHttpReceiver.Request::body)
          .noneMatch(body -> body.contains("small"));
    }
  }
}
