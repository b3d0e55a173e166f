package io.caravan.routes.source.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.NatsServerExtension;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

/** The cases of semantics/nats.yaml: messages published to a real nats-server, events compared. */
class NatsSemanticsTest extends RouteContractTestSupport {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  @Override
  public boolean isUseRouteBuilder() {
    return false;
  }

  static Stream<Arguments> cases() throws Exception {
    try (InputStream in = NatsSemanticsTest.class.getResourceAsStream("/semantics/nats.yaml")) {
      JsonNode cases = YAML.readTree(in);
      return StreamSupport.stream(cases.spliterator(), false)
          .map(c -> Arguments.of(c.get("name").asText(), c));
    }
  }

  private void start(JsonNode parameters) throws Exception {
    context
        .getRegistry()
        .bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(new SimpleMeterRegistry(), "ns"));
    context.getRegistry().bind(SecretStore.BEAN_NAME, new MapSecretStore());
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("eventSourceName", "bus");
    values.put("eventName", "case");
    values.put("url", NATS.url());
    values.put("subject", "in");
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
                        "kamelet:nats-source",
                        "parameters",
                        values,
                        "steps",
                        List.of(Map.of("to", "mock:published"))))));
    PluginHelper.getRoutesLoader(context)
        .loadRoutes(ResourceHelper.fromString("nats.yaml", YAML.writeValueAsString(route)));
    context.start();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                context.getRoutes().stream()
                    .anyMatch(
                        r -> r.getConsumer() instanceof NatsSourceConsumer n && n.isSubscribed()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void publishesArgosEventData(String name, JsonNode c) throws Exception {
    start(c.get("parameters"));
    Connection client = NATS.connect();
    String subject = c.path("subject").asText("in");
    for (JsonNode message : c.get("messages")) {
      Headers headers = new Headers();
      message
          .path("headers")
          .fields()
          .forEachRemaining(h -> h.getValue().forEach(v -> headers.add(h.getKey(), v.asText())));
      client.publish(
          NatsMessage.builder()
              .subject(subject)
              .headers(headers.isEmpty() ? null : headers)
              .data(message.get("payload").asText().getBytes(StandardCharsets.UTF_8))
              .build());
    }
    client.flush(Duration.ofSeconds(5));

    JsonNode expected = c.get("events");
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
