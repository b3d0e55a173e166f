package io.caravan.routes.source.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.MosquittoExtension;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mqtt-source Kamelet and argo-mqtt component against a real mosquitto broker (inventory
 * §1.5.7, §2.3).
 */
class MqttSourceTest extends RouteContractTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final MosquittoExtension MQTT = new MosquittoExtension();

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private void routes(String yaml) throws Exception {
    context.getRegistry().bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(meters, "ns"));
    context
        .getRegistry()
        .bind(
            SecretStore.BEAN_NAME,
            new MapSecretStore()
                .putSecret("mqtt", "user", "sensor")
                .putSecret("mqtt", "password", "s3cret"));
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("mqtt.yaml", yaml));
  }

  private static String route(String id, String url, String extra) {
    return """
        - route:
            id: %s
            from:
              uri: kamelet:mqtt-source
              parameters:
                eventSourceName: bus
                eventName: %s
                url: %s
                clientId: caravan-%s
        %s
              steps:
                - to: mock:%s
        """
        .formatted(id, id, url, id, extra.indent(8).stripTrailing(), id);
  }

  private void awaitSubscribed(String event) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                context.getRoutes().stream()
                    .map(r -> r.getConsumer())
                    .anyMatch(
                        c ->
                            c instanceof MqttSourceConsumer m
                                && m.isSubscribed()
                                && m.getEndpoint().getEventName().equals(event)));
  }

  private List<ObjectNode> bodies(String mock) {
    return getMockEndpoint("mock:" + mock).getReceivedExchanges().stream()
        .map(e -> e.getIn().getBody(ObjectNode.class))
        .toList();
  }

  private static MqttClient publisher(String url, String user, String password) throws Exception {
    MqttClient client = new MqttClient(url, MqttClient.generateClientId(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    if (user != null) {
      options.setUserName(user);
      options.setPassword(password.toCharArray());
    }
    client.connect(options);
    return client;
  }

  private static void publish(MqttClient client, String topic, String payload, int qos)
      throws Exception {
    client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false);
  }

  @Test
  void jsonBodyEmbedsThePayloadWithTopicMessageIdAndMetadata() throws Exception {
    routes(
        route(
            "readings",
            MQTT.url(),
            "topic: \"sensors/+/temperature\"\njsonBody: true\nmetadata: '{\"site\":\"lab\"}'"));
    awaitSubscribed("readings");
    MqttClient client = publisher(MQTT.url(), null, null);
    try {
      publish(client, "sensors/s1/temperature", "{\"celsius\":21.5}", 1);
      publish(client, "sensors/s1/temperature", "not json", 0);
      publish(client, "sensors/s2/temperature", "[1,2]", 0);
      publish(client, "sensors/s2/humidity", "{\"other\":true}", 0);

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(bodies("readings")).hasSize(2));
    } finally {
      client.disconnect();
      client.close();
    }
    assertThat(bodies("readings").get(0))
        .as("published at QoS 1, delivered at the subscription's QoS 0: message id 0")
        .isEqualTo(
            JSON.readTree(
                """
        {"topic":"sensors/s1/temperature","messageId":0,"body":{"celsius":21.5},
         "metadata":{"site":"lab"}}"""));
    assertThat(bodies("readings").get(1))
        .isEqualTo(
            JSON.readTree(
                "{\"topic\":\"sensors/s2/temperature\",\"messageId\":0,\"body\":[1,2],"
                    + "\"metadata\":{\"site\":\"lab\"}}"));
    assertThat(
            meters
                .get("argo_events_events_processing_failed")
                .tags("eventsource_name", "bus", "event_name", "readings")
                .counter()
                .count())
        .as("the payload that is not JSON")
        .isEqualTo(1.0);
  }

  @Test
  void withoutJsonBodyThePayloadIsABase64String() throws Exception {
    routes(route("raw", MQTT.url(), "topic: raw/#"));
    awaitSubscribed("raw");
    MqttClient client = publisher(MQTT.url(), null, null);
    try {
      publish(client, "raw/a/b", "not json \u00e9", 0);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(bodies("raw")).hasSize(1));
    } finally {
      client.disconnect();
      client.close();
    }
    ObjectNode data = bodies("raw").get(0);
    assertThat(data.fieldNames()).toIterable().containsExactly("topic", "messageId", "body");
    assertThat(data.get("topic").asText()).isEqualTo("raw/a/b");
    assertThat(Base64.getDecoder().decode(data.get("body").asText()))
        .isEqualTo("not json \u00e9".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void userAndPasswordAreReadFromSecretsAndTheSubscriptionOutlivesABrokerRestart()
      throws Exception {
    try (MosquittoExtension secured = new MosquittoExtension().withUser("sensor", "s3cret")) {
      secured.start();
      routes(
          route(
              "secured",
              secured.url(),
              """
              topic: secured
              usernameSecret: mqtt/user
              passwordSecret: mqtt/password
              backoffDuration: 100ms
              backoffJitter: 0"""));
      awaitSubscribed("secured");
      MqttClient client = publisher(secured.url(), "sensor", "s3cret");
      publish(client, "secured", "{}", 0);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(bodies("secured")).hasSize(1));
      client.disconnect();
      client.close();

      secured.restart();
      MqttClient again = publisher(secured.url(), "sensor", "s3cret");
      try {
        // QoS 0: what is published before the source subscribed again is not kept for it
        await()
            .atMost(Duration.ofSeconds(15))
            .untilAsserted(
                () -> {
                  publish(again, "secured", "{}", 0);
                  assertThat(bodies("secured").size()).isGreaterThan(1);
                });
      } finally {
        again.disconnect();
        again.close();
      }
    }
  }

  @Test
  void argosUrlSchemesAreThePahoTransports() {
    assertThat(MqttSourceConsumer.serverUri("tcp://m:1883")).isEqualTo("tcp://m:1883");
    assertThat(MqttSourceConsumer.serverUri("mqtt://m:1883")).isEqualTo("tcp://m:1883");
    assertThat(MqttSourceConsumer.serverUri("ssl://m:8883")).isEqualTo("ssl://m:8883");
    assertThat(MqttSourceConsumer.serverUri("TLS://m:8883")).isEqualTo("ssl://m:8883");
    assertThat(MqttSourceConsumer.serverUri("mqtts://m:8883")).isEqualTo("ssl://m:8883");
    assertThat(MqttSourceConsumer.serverUri("tcps://m:8883")).isEqualTo("ssl://m:8883");
  }

  @Test
  void aBrokerThatIsDownAtStartIsConnectedToWhenItComes() throws Exception {
    try (MosquittoExtension later = new MosquittoExtension()) {
      routes(route("late", later.url(), "topic: late\nbackoffDuration: 100ms\nbackoffJitter: 0"));
      assertThat(context.getRouteController().getRouteStatus("late").isStarted()).isTrue();

      later.start();
      awaitSubscribed("late");
      MqttClient client = publisher(later.url(), null, null);
      try {
        publish(client, "late", "{}", 0);
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(bodies("late")).hasSize(1));
      } finally {
        client.disconnect();
        client.close();
      }
    }
  }
}
