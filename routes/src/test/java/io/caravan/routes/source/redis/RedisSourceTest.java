package io.caravan.routes.source.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.RedisServerExtension;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * The redis-source Kamelet and argo-redis component against a real redis-server (inventory §1.5.8,
 * §2.3): SUBSCRIBE to the channels, Argo's event data with the payload as a JSON string (or as JSON
 * with jsonBody), a password from a secret, and a new subscription after the server restarted.
 */
class RedisSourceTest extends RouteContractTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension("s3cret");

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private void routes(String id, String extra) throws Exception {
    context.getRegistry().bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(meters, "ns"));
    context
        .getRegistry()
        .bind(
            SecretStore.BEAN_NAME,
            new MapSecretStore().putSecret("redis-auth", "password", "s3cret"));
    String yaml =
        """
        - route:
            id: %s
            from:
              uri: kamelet:redis-source
              parameters:
                eventSourceName: cache
                eventName: %s
                hostAddress: %s
                passwordSecret: redis-auth/password
        %s
              steps:
                - to: argo-event:cache/%s?type=redis
                - to: mock:%s
        """
            .formatted(id, id, REDIS.hostAddress(), extra.indent(8).stripTrailing(), id, id);
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("r.yaml", yaml));
  }

  private void awaitSubscribed(String event) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                context.getRoutes().stream()
                    .anyMatch(
                        r ->
                            r.getConsumer() instanceof RedisSourceConsumer c
                                && c.isSubscribed()
                                && c.getEndpoint().getEventName().equals(event)));
  }

  private List<ArgoEvent> events(String mock) {
    return getMockEndpoint("mock:" + mock).getReceivedExchanges().stream()
        .map(e -> e.getIn().getBody(ArgoEvent.class))
        .toList();
  }

  @Test
  void thePayloadIsAJsonStringWithChannelAndEmptyPattern() throws Exception {
    routes("plain", "channels: '[\"invalidate\",\"other\"]'");
    awaitSubscribed("plain");
    Jedis client = REDIS.client();
    client.publish("invalidate", "{\"key\":\"a\"}");
    client.publish("other", "not json \u00e9");
    client.publish("unrelated", "x");

    await().atMost(Duration.ofSeconds(10)).until(() -> events("plain").size() == 2);
    assertThat(events("plain").get(0).data())
        .isEqualTo(
            JSON.readTree(
                "{\"channel\":\"invalidate\",\"pattern\":\"\",\"body\":\"{\\\"key\\\":\\\"a\\\"}\"}"));
    assertThat(events("plain").get(1).data())
        .isEqualTo(
            JSON.readTree("{\"channel\":\"other\",\"pattern\":\"\",\"body\":\"not json \u00e9\"}"));
    assertThat(events("plain").get(0).type()).isEqualTo("redis");
    assertThat(events("plain").get(0).source()).isEqualTo("cache");
    assertThat(events("plain").get(0).subject()).isEqualTo("plain");
  }

  @Test
  void jsonBodyEmbedsJsonWithMetadataAndCountsPayloadsThatAreNot() throws Exception {
    routes(
        "orders",
        """
        channels: '["orders"]'
        jsonBody: true
        db: 3
        metadata: '{"team":"checkout"}'""");
    awaitSubscribed("orders");
    Jedis client = REDIS.client();
    client.publish("orders", "not json");
    client.publish("orders", "");
    client.publish("orders", "{\"amount\":120}");

    await().atMost(Duration.ofSeconds(10)).until(() -> events("orders").size() == 1);
    ObjectNode data = (ObjectNode) events("orders").get(0).data();
    assertThat(data)
        .isEqualTo(
            JSON.readTree(
                """
                {"channel":"orders","pattern":"","body":{"amount":120},
                 "metadata":{"team":"checkout"}}"""));
    assertThat(
            meters
                .get("argo_events_events_processing_failed")
                .tags("eventsource_name", "cache", "event_name", "orders")
                .counter()
                .count())
        .as("the two payloads that are not JSON")
        .isEqualTo(2.0);
  }

  @Test
  void subscribesAgainAfterTheServerRestarted() throws Exception {
    routes("restart", "channels: '[\"ping\"]'");
    awaitSubscribed("restart");
    REDIS.client().publish("ping", "1");
    await().atMost(Duration.ofSeconds(10)).until(() -> events("restart").size() == 1);

    REDIS.restart();
    Jedis client = REDIS.client();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> client.publish("ping", "2") == 1 && events("restart").size() >= 2);
    assertThat(events("restart").get(1).data().get("body").asText()).isEqualTo("2");
  }
}
