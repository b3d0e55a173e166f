package io.caravan.routes.source.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.MosquittoExtension;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of semantics/mqtt.yaml: messages published to a real mosquitto, events compared. */
class MqttSemanticsTest extends RouteContractTestSupport {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();

  @Override
  public boolean isUseRouteBuilder() {
    return false;
  }

  static Stream<Arguments> cases() throws Exception {
    try (InputStream in = MqttSemanticsTest.class.getResourceAsStream("/semantics/mqtt.yaml")) {
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
    values.put("url", MQTT.url());
    values.put("clientId", "caravan-semantics");
    values.put("topic", "in/#");
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
                        "kamelet:mqtt-source",
                        "parameters",
                        values,
                        "steps",
                        List.of(Map.of("to", "mock:published"))))));
    PluginHelper.getRoutesLoader(context)
        .loadRoutes(ResourceHelper.fromString("mqtt.yaml", YAML.writeValueAsString(route)));
    context.start();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                context.getRoutes().stream()
                    .anyMatch(
                        r -> r.getConsumer() instanceof MqttSourceConsumer m && m.isSubscribed()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void publishesArgosEventData(String name, JsonNode c) throws Exception {
    start(c.get("parameters"));
    MqttClient client =
        new MqttClient(MQTT.url(), MqttClient.generateClientId(), new MemoryPersistence());
    client.connect(new MqttConnectOptions());
    try {
      for (JsonNode message : c.get("messages")) {
        client.publish(
            message.get("topic").asText(),
            message.get("payload").asText().getBytes(StandardCharsets.UTF_8),
            0,
            false);
      }
    } finally {
      client.disconnect();
      client.close();
    }

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
