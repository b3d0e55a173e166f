package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.SourceKillRun;
import io.caravan.routes.testing.NatsServerExtension;
import io.caravan.routes.testing.RedisServerExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.XAddParams;

/**
 * The redisStream source through a {@code kill -9}: 1,000 entries are added (250/s) to a real
 * redis-server stream while the source reads it in a consumer group from a child JVM; the child is
 * killed after about 200 reached the trigger, leaving its last batch pending, and a new one (the
 * same consumer, {@code argo-events-worker}) first reads those pending entries, then the new ones.
 * An entry is acknowledged (XACK) only after the bus stored its event, so every entry arrives; the
 * event id is {@code <eventSource>:<event>:<stream>:<entry id>}, so the entry stored but not yet
 * acknowledged at the kill is dropped by the bus as a duplicate: none fires twice.
 */
class RedisStreamSourceKillE2ETest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();
  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();
  @TempDir Path work;

  @Test
  void aKilledSourceLosesNoEntryAndRepeatsNone() throws Exception {
    Jedis client = REDIS.client();
    Jedis adding = REDIS.client();
    SourceKillRun.Result result =
        SourceKillRun.of(
                "redisStream",
                Caravan.manifests("manifests/redis-stream-kill-eventsource.yaml")
                    .with("REDIS", REDIS.hostAddress()),
                NATS.url(),
                work)
            .event("redis-orders", "placed", "values.id")
            .messages(1_000)
            .killAfter(200)
            // the group is created at the stream's end ($): an entry added before is never read
            .upstreamReady(
                () -> {
                  if (!client.exists("orders")) {
                    client.xadd("orders", XAddParams.xAddParams(), Map.of("id", "before"));
                  }
                  return !client.xinfoGroups("orders").isEmpty();
                })
            .publishing(
                250,
                (index, id) -> adding.xadd("orders", XAddParams.xAddParams(), Map.of("id", id)))
            .run();

    assertThat(result.lost()).isZero();
    assertThat(result.duplicates()).as("a repeated entry id is dropped by the bus").isZero();
    assertThat(client.xpending("orders", "caravan-kill").getTotal())
        .as("every entry acknowledged in the group")
        .isZero();
  }
}
