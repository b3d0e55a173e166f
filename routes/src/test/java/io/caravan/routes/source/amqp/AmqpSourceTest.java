package io.caravan.routes.source.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.RabbitMqServerExtension;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The amqp-source Kamelet and argo-amqp component against a real RabbitMQ node (inventory §1.5.6,
 * §2.3): the event data, the declarations, acknowledgement after the route, auth from secrets.
 */
class AmqpSourceTest extends RouteContractTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final RabbitMqServerExtension RABBIT = new RabbitMqServerExtension();

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private void routes(String yaml) throws Exception {
    context.getRegistry().bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(meters, "ns"));
    context
        .getRegistry()
        .bind(
            SecretStore.BEAN_NAME,
            new MapSecretStore()
                .putSecret("rabbitmq", "url", RABBIT.urlWithoutUser())
                .putSecret("rabbitmq", "user", RabbitMqServerExtension.USER)
                .putSecret("rabbitmq", "password", RabbitMqServerExtension.PASSWORD));
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("amqp.yaml", yaml));
  }

  static String route(String id, String extra, String steps) {
    return """
        - route:
            id: %s
            from:
              uri: kamelet:amqp-source
              parameters:
                eventSourceName: bus
                eventName: %s
        %s
              steps:
        %s
                - to: mock:%s
        """
        .formatted(id, id, extra.indent(8).stripTrailing(), steps.indent(8).stripTrailing(), id);
  }

  /** The consumer's queue once it consumes (the source connects in the background). */
  private String awaitConsuming(String event) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                context.getRoutes().stream()
                    .map(r -> r.getConsumer())
                    .filter(
                        c ->
                            c instanceof AmqpSourceConsumer a
                                && a.getEndpoint().getEventName().equals(event))
                    .map(c -> String.valueOf(((AmqpSourceConsumer) c).queue()))
                    .findFirst()
                    .filter(queue -> !queue.equals("null"))
                    .orElse(null),
            queue -> queue != null);
  }

  private List<ObjectNode> bodies(String mock) {
    return getMockEndpoint("mock:" + mock).getReceivedExchanges().stream()
        .map(e -> e.getIn().getBody(ObjectNode.class))
        .toList();
  }

  private static void publish(Channel channel, String exchange, String key, String body)
      throws IOException {
    channel.basicPublish(exchange, key, null, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void jsonBodyEmbedsThePayloadWithEveryPropertyAndTheMetadata() throws Exception {
    routes(
        route(
            "pages",
            """
            url: %s
            exchangeName: alerts
            exchangeType: topic
            routingKey: "alerts.#"
            jsonBody: true
            metadata: '{"team":"sre"}'"""
                .formatted(RABBIT.url()),
            ""));
    awaitConsuming("pages");
    Channel channel = RABBIT.connect().createChannel();
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder()
            .contentType("application/json")
            .contentEncoding("utf-8")
            .deliveryMode(2)
            .priority(5)
            .correlationId("c-1")
            .replyTo("answers")
            .expiration("60000")
            .messageId("m-1")
            .timestamp(new Date(1_796_000_000_123L))
            .type("page")
            .appId("alertmanager")
            .build();
    channel.basicPublish(
        "alerts", "alerts.page.db", properties, "{\"severity\":\"critical\"}".getBytes());
    publish(channel, "alerts", "alerts.page.db", "not json");
    publish(channel, "alerts", "alerts.page.db", "[1,2]");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(bodies("pages")).hasSize(2));
    assertThat(bodies("pages").get(0))
        .isEqualTo(
            JSON.readTree(
                """
        {"contentType":"application/json","contentEncoding":"utf-8","deliveryMode":2,"priority":5,
         "correlationId":"c-1","replyTo":"answers","expiration":"60000","messageId":"m-1",
         "timestamp":"2026-11-30 00:53:20 +0000 UTC","type":"page","appId":"alertmanager",
         "exchange":"alerts","routingKey":"alerts.page.db","body":{"severity":"critical"},
         "metadata":{"team":"sre"}}"""));
    assertThat(bodies("pages").get(1).get("body")).isEqualTo(JSON.readTree("[1,2]"));
    assertThat(
            meters
                .get("argo_events_events_processing_failed")
                .tags("eventsource_name", "bus", "event_name", "pages")
                .counter()
                .count())
        .as("the payload that is not JSON")
        .isEqualTo(1.0);
  }

  @Test
  void withoutJsonBodyThePayloadIsBase64AndUnsetPropertiesHaveGoZeroValues() throws Exception {
    routes(
        route(
            "raw",
            "url: %s\nexchangeName: raw\nexchangeType: fanout\nroutingKey: any"
                .formatted(RABBIT.url()),
            ""));
    awaitConsuming("raw");
    publish(RABBIT.connect().createChannel(), "raw", "whatever", "not json \u00e9");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(bodies("raw")).hasSize(1));
    ObjectNode data = bodies("raw").get(0);
    assertThat(data.fieldNames())
        .toIterable()
        .containsExactly(
            "contentType",
            "contentEncoding",
            "deliveryMode",
            "priority",
            "correlationId",
            "replyTo",
            "expiration",
            "messageId",
            "timestamp",
            "type",
            "appId",
            "exchange",
            "routingKey",
            "body");
    assertThat(data.get("timestamp").asText()).isEqualTo("0001-01-01 00:00:00 +0000 UTC");
    assertThat(data.get("deliveryMode").asInt()).isZero();
    assertThat(data.get("messageId").asText()).isEmpty();
    assertThat(data.get("routingKey").asText()).isEqualTo("whatever");
    assertThat(Base64.getDecoder().decode(data.get("body").asText()))
        .isEqualTo("not json \u00e9".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void withoutAutoAckADeliveryIsAcknowledgedOnlyAfterTheRouteAndRequeuedWhenItFailed()
      throws Exception {
    int[] failuresLeft = {1};
    context
        .getRegistry()
        .bind(
            "failOnce",
            (org.apache.camel.Processor)
                exchange -> {
                  if (failuresLeft[0]-- > 0) {
                    throw new IllegalStateException("bus down");
                  }
                });
    routes(
        route(
            "audit",
            """
            urlSecret: rabbitmq/url
            usernameSecret: rabbitmq/user
            passwordSecret: rabbitmq/password
            exchangeName: audit
            exchangeType: direct
            routingKey: all
            jsonBody: true
            queueName: caravan-audit
            queueDurable: true
            queueExclusive: false
            queueArguments: '{"x-max-length":5}'
            consumerTag: caravan-audit
            autoAck: false""",
            "- process:\n    ref: failOnce"));
    assertThat(awaitConsuming("audit")).isEqualTo("caravan-audit");
    Channel channel = RABBIT.connect().createChannel();
    publish(channel, "audit", "all", "{\"n\":1}");
    publish(channel, "audit", "all", "{\"n\":2}");

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(bodies("audit")).hasSize(2));
    assertThat(failuresLeft[0]).as("the first delivery failed").isNegative();
    assertThat(bodies("audit")).extracting(b -> b.get("body").get("n").asInt()).contains(1, 2);
    context.getRouteController().stopRoute("audit");
    assertThat(channel.queueDeclarePassive("caravan-audit").getMessageCount())
        .as("nothing left unacknowledged once the consumer is gone")
        .isZero();
    // the x-arguments were declared as an integer: the same declaration is equivalent, another
    // value is not
    channel.queueDeclare("caravan-audit", true, false, false, Map.of("x-max-length", 5L));
    assertThatThrownBy(
            () ->
                RABBIT
                    .connect()
                    .createChannel()
                    .queueDeclare("caravan-audit", true, false, false, Map.of("x-max-length", 6L)))
        .hasStackTraceContaining("inequivalent arg 'x-max-length'");
  }

  @Test
  void aBrokerThatIsDownAtStartIsConnectedToWhenItComesAndAfterItRestarts() throws Exception {
    try (RabbitMqServerExtension later = new RabbitMqServerExtension()) {
      routes(
          route(
              "late",
              "url: %s\nexchangeName: late\nexchangeType: fanout\nroutingKey: x\nbackoffDuration: 100ms\nbackoffJitter: 0"
                  .formatted(later.url()),
              ""));
      assertThat(context.getRouteController().getRouteStatus("late").isStarted()).isTrue();

      later.start();
      String first = awaitConsuming("late");
      Connection client = later.connect();
      publish(client.createChannel(), "late", "x", "{}");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(bodies("late")).hasSize(1));

      later.restart();
      Channel channel = later.connect().createChannel();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                publish(channel, "late", "x", "{}");
                assertThat(bodies("late").size()).isGreaterThan(1);
              });
      assertThat(first).startsWith("amq.gen-");
    }
  }
}
