package io.caravan.routes.source.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.RabbitMqServerExtension;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of semantics/amqp.yaml: messages published to a real RabbitMQ, events compared. */
class AmqpSemanticsTest extends RouteContractTestSupport {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final RabbitMqServerExtension RABBIT = new RabbitMqServerExtension();

  @Override
  public boolean isUseRouteBuilder() {
    return false;
  }

  static Stream<Arguments> cases() throws Exception {
    try (InputStream in = AmqpSemanticsTest.class.getResourceAsStream("/semantics/amqp.yaml")) {
      JsonNode cases = YAML.readTree(in);
      return StreamSupport.stream(cases.spliterator(), false)
          .map(c -> Arguments.of(c.get("name").asText(), c));
    }
  }

  private void start(String exchange, JsonNode parameters) throws Exception {
    context
        .getRegistry()
        .bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(new SimpleMeterRegistry(), "ns"));
    context.getRegistry().bind(SecretStore.BEAN_NAME, new MapSecretStore());
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("eventSourceName", "bus");
    values.put("eventName", "case");
    values.put("url", RABBIT.url());
    values.put("exchangeName", exchange);
    values.put("exchangeType", "topic");
    values.put("routingKey", "#");
    parameters.fields().forEachRemaining(p -> values.put(p.getKey(), p.getValue().asText()));
    Object route =
        List.of(
            Map.of(
                "route",
                Map.of(
                    "id",
                    "case",
                    "from",
                    Map.of(
                        "uri",
                        "kamelet:amqp-source",
                        "parameters",
                        values,
                        "steps",
                        List.of(Map.of("to", "mock:published"))))));
    PluginHelper.getRoutesLoader(context)
        .loadRoutes(ResourceHelper.fromString("amqp.yaml", YAML.writeValueAsString(route)));
    context.start();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                context.getRoutes().stream()
                    .anyMatch(
                        r -> r.getConsumer() instanceof AmqpSourceConsumer a && a.queue() != null));
  }

  private static AMQP.BasicProperties properties(JsonNode p) {
    if (p.isMissingNode()) {
      return null;
    }
    return new AMQP.BasicProperties.Builder()
        .contentType(p.path("contentType").textValue())
        .deliveryMode(p.has("deliveryMode") ? p.get("deliveryMode").asInt() : null)
        .priority(p.has("priority") ? p.get("priority").asInt() : null)
        .correlationId(p.path("correlationId").textValue())
        .messageId(p.path("messageId").textValue())
        .type(p.path("type").textValue())
        .appId(p.path("appId").textValue())
        .timestamp(p.has("timestamp") ? new Date(p.get("timestamp").asLong()) : null)
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void publishesArgosEventData(String name, JsonNode c) throws Exception {
    String exchange = "semantics-" + Integer.toHexString(name.hashCode());
    start(exchange, c.get("parameters"));
    Channel channel = RABBIT.connect().createChannel();
    for (JsonNode message : c.get("messages")) {
      channel.basicPublish(
          exchange,
          message.get("routingKey").asText(),
          properties(message.path("properties")),
          message.get("payload").asText().getBytes(StandardCharsets.UTF_8));
    }

    JsonNode expected = c.get("events");
    for (JsonNode event : expected) {
      ((ObjectNode) event).put("exchange", exchange);
    }
    var published = getMockEndpoint("mock:published");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> published.getReceivedCounter() >= expected.size());
    List<JsonNode> events =
        published.getReceivedExchanges().stream()
            .map(e -> (JsonNode) JSON.valueToTree(e.getIn().getBody()))
            .toList();
    assertThat(events).containsExactlyElementsOf(expected);
  }
}
