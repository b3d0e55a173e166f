package io.caravan.routes.source.redisstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.RedisServerExtension;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadGroupParams;

/**
 * The redis-stream-source Kamelet and argo-redis-stream component against a real redis-server
 * (inventory §1.5.9, §2.3): the consumer group created at {@code $}, the consumer's pending entries
 * read first, an entry acknowledged only after the route (the bus) took its event and read again
 * when the route failed, ids from the stream position, and a stream that does not exist yet waited
 * for.
 */
class RedisStreamSourceTest extends RouteContractTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONSUMER = "argo-events-worker";

  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  private void routes(String extra) throws Exception {
    context.getRegistry().bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(meters, "ns"));
    context.getRegistry().bind(SecretStore.BEAN_NAME, new MapSecretStore());
    context
        .getRegistry()
        .bind(
            "failOnce",
            (org.apache.camel.Processor)
                exchange -> {
                  if (failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("bus down");
                  }
                });
    String yaml =
        """
        - route:
            id: rs
            from:
              uri: kamelet:redis-stream-source
              parameters:
                eventSourceName: shop
                eventName: orders
                hostAddress: %s
        %s
              steps:
                - to: argo-event:shop/orders?type=redisStream
                - process:
                    ref: failOnce
                - to: mock:events
        """
            .formatted(REDIS.hostAddress(), extra.indent(8).stripTrailing());
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("rs.yaml", yaml));
  }

  private void awaitReading() {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                context.getRoutes().stream()
                    .anyMatch(
                        r ->
                            r.getConsumer() instanceof RedisStreamSourceConsumer c
                                && c.isReading()));
  }

  private List<ArgoEvent> events() {
    return getMockEndpoint("mock:events").getReceivedExchanges().stream()
        .map(e -> e.getIn().getBody(ArgoEvent.class))
        .toList();
  }

  private static StreamEntryID add(Jedis client, String stream, Map<String, String> values) {
    return client.xadd(stream, XAddParams.xAddParams(), values);
  }

  private static long pending(Jedis client, String stream, String group) {
    return client.xpending(stream, group).getTotal();
  }

  @Test
  void theGroupStartsAtTheEndAndEntriesArriveInOrderWithArgosDataAndAreAcked() throws Exception {
    Jedis client = REDIS.client();
    add(client, "orders", Map.of("n", "0")); // before the group: not read, as in Argo ($)
    add(client, "refunds", Map.of("n", "0"));
    routes(
        """
        streams: '["orders","refunds"]'
        metadata: '{"team":"shop"}'""");
    awaitReading();
    StreamEntryID first = add(client, "orders", Map.of("n", "1", "amount", "120"));
    StreamEntryID second = add(client, "refunds", Map.of("n", "2"));

    await().atMost(Duration.ofSeconds(10)).until(() -> events().size() == 2);
    assertThat(events().get(0).data())
        .isEqualTo(
            JSON.readTree(
                """
                {"stream":"orders","message_id":"%s","values":{"amount":"120","n":"1"},
                 "metadata":{"team":"shop"}}"""
                    .formatted(first)));
    assertThat(events().get(1).data().get("stream").asText()).isEqualTo("refunds");
    assertThat(events())
        .extracting(ArgoEvent::id)
        .containsExactly("shop:orders:orders:" + first, "shop:orders:refunds:" + second);
    assertThat(events().get(0).type()).isEqualTo("redisStream");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(pending(client, "orders", "argo-events-cg")).isZero();
              assertThat(pending(client, "refunds", "argo-events-cg")).isZero();
            });
  }

  @Test
  void pendingEntriesOfTheConsumerAreReadFirstThenNewOnes() throws Exception {
    Jedis client = REDIS.client();
    client.xgroupCreate("jobs", "workers", new StreamEntryID(), true);
    StreamEntryID a = add(client, "jobs", Map.of("job", "a"));
    StreamEntryID b = add(client, "jobs", Map.of("job", "b"));
    // A reader that took both entries and stopped before acknowledging them (a crash).
    client.xreadGroup(
        "workers",
        CONSUMER,
        XReadGroupParams.xReadGroupParams().count(10),
        Map.of("jobs", StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
    assertThat(pending(client, "jobs", "workers")).isEqualTo(2);
    StreamEntryID c = add(client, "jobs", Map.of("job", "c"));

    routes(
        """
        streams: '["jobs"]'
        consumerGroup: workers
        maxMsgCountPerRead: 1""");

    await().atMost(Duration.ofSeconds(10)).until(() -> events().size() == 3);
    assertThat(events())
        .extracting(e -> e.data().get("message_id").asText())
        .containsExactly(a.toString(), b.toString(), c.toString());
    await().atMost(Duration.ofSeconds(5)).until(() -> pending(client, "jobs", "workers") == 0);
  }

  @Test
  void anEntryTheRouteFailedOnStaysPendingAndIsReadAgainInOrder() throws Exception {
    Jedis client = REDIS.client();
    client.xgroupCreate("payments", "argo-events-cg", new StreamEntryID(), true);
    failuresLeft.set(1);
    routes("streams: '[\"payments\"]'");
    awaitReading();
    StreamEntryID first = add(client, "payments", Map.of("n", "1"));
    StreamEntryID second = add(client, "payments", Map.of("n", "2"));

    await().atMost(Duration.ofSeconds(10)).until(() -> events().size() == 2);
    assertThat(failuresLeft.get()).as("the first delivery failed").isNegative();
    assertThat(events())
        .extracting(ArgoEvent::id)
        .containsExactly("shop:orders:payments:" + first, "shop:orders:payments:" + second);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> pending(client, "payments", "argo-events-cg") == 0);
  }

  @Test
  void aStreamThatDoesNotExistYetIsWaitedFor() throws Exception {
    routes("streams: '[\"late\"]'");
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(
            () ->
                context.getRoutes().stream()
                    .noneMatch(
                        r ->
                            r.getConsumer() instanceof RedisStreamSourceConsumer c
                                && c.isReading()));
    Jedis client = REDIS.client();
    add(client, "late", Map.of("n", "0")); // creates the stream, before the group exists
    awaitReading();
    add(client, "late", Map.of("n", "1"));

    await().atMost(Duration.ofSeconds(10)).until(() -> events().size() == 1);
    assertThat(events().get(0).data().at("/values/n").asText()).isEqualTo("1");
  }
}
