package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.RecordingHttpReceiver;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.testing.NatsServerExtension;
import io.caravan.routes.testing.RedisServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.XAddParams;

/**
 * A redisStream EventSource and a Sensor compiled from manifests, in two runtimes joined by a real
 * JetStream server: entries added to a real redis-server stream while the source runs reach a real
 * HTTP receiver when they pass the filter, and every entry is acknowledged in the consumer group.
 */
class RedisStreamToHttpE2ETest {

  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  @Test
  void entriesThatPassTheFilterFireTheHttpTriggerAndAreAcked() throws Exception {
    Jedis client = REDIS.client();
    client.xadd("orders", XAddParams.xAddParams(), Map.of("id", "before", "priority", "high"));
    try (RecordingHttpReceiver receiver = new RecordingHttpReceiver();
        CaravanRuntime source =
            Caravan.manifests("manifests/redis-stream-orders-eventsource.yaml")
                .with("REDIS", REDIS.hostAddress())
                .bus(NATS.url())
                .start();
        CaravanRuntime sensor =
            Caravan.manifests("manifests/redis-stream-orders-sensor.yaml")
                .with("RECEIVER", receiver.url("/orders"))
                .bus(NATS.url())
                .start()) {
      // The group is created at the stream's end ($) once the source is connected.
      await()
          .atMost(Duration.ofSeconds(20))
          .ignoreExceptions()
          .until(() -> !client.xinfoGroups("orders").isEmpty());
      client.xadd("orders", XAddParams.xAddParams(), Map.of("id", "low-1", "priority", "low"));
      client.xadd("orders", XAddParams.xAddParams(), Map.of("id", "o-1", "priority", "high"));

      List<RecordingHttpReceiver.Request> o1 =
          receiver.awaitRequests(1, Duration.ofSeconds(20), r -> r.body().contains("o-1"));
      assertThat(new ObjectMapper().readTree(o1.get(0).body()))
          .isEqualTo(new ObjectMapper().readTree("{\"stream\":\"orders\",\"id\":\"o-1\"}"));
      assertThat(receiver.requests())
          .extracting(RecordingHttpReceiver.Request::body)
          .noneMatch(body -> body.contains("low-1") || body.contains("before"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> client.xpending("orders", "caravan-e2e").getTotal() == 0);
    }
  }
}
