package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.RecordingHttpReceiver;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.testing.MosquittoExtension;
import io.caravan.routes.testing.NatsServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An mqtt EventSource and a Sensor compiled from manifests, in two runtimes joined by a real
 * JetStream bus: readings published to a real mosquitto broker (user and password from secrets) on
 * a topic the wildcard subscription matches, and that pass the source's filter, reach a real HTTP
 * receiver with the mqtt event data as parameters.
 */
class MqttToHttpE2ETest {

  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  @RegisterExtension
  static final MosquittoExtension MQTT = new MosquittoExtension().withUser("sensor", "s3cret");

  @Test
  void readingsThatPassTheFilterFireTheHttpTrigger() throws Exception {
    MapSecretStore secrets =
        new MapSecretStore()
            .putSecret("mqtt", "user", "sensor")
            .putSecret("mqtt", "password", "s3cret");
    MqttClient client = new MqttClient(MQTT.url(), "e2e-publisher", new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setUserName("sensor");
    options.setPassword("s3cret".toCharArray());
    client.connect(options);
    try (RecordingHttpReceiver receiver = new RecordingHttpReceiver();
        CaravanRuntime source =
            Caravan.manifests("manifests/mqtt-sensors-eventsource.yaml")
                .with("MQTT", MQTT.url())
                .secrets(secrets)
                .bus(NATS.url())
                .start();
        CaravanRuntime sensor =
            Caravan.manifests("manifests/mqtt-sensors-sensor.yaml")
                .with("RECEIVER", receiver.url("/alerts"))
                .bus(NATS.url())
                .start()) {
      // The source subscribes in the background (QoS 0: nothing is kept for it before that).
      List<RecordingHttpReceiver.Request> first = null;
      for (int i = 0; i < 60 && first == null; i++) {
        client.publish("sensors/s1/temperature", bytes("{\"celsius\":12}"), 0, false);
        client.publish("sensors/s1/temperature", bytes("{\"celsius\":31}"), 0, false);
        try {
          first = receiver.awaitRequests(1, Duration.ofMillis(500), r -> true);
        } catch (AssertionError | Exception notYet) {
          first = null;
        }
      }
      assertThat(first).as("a trigger request").isNotNull();
      client.publish("sensors/s2/temperature", bytes("{\"celsius\":45}"), 0, false);
      client.publish("sensors/s2/humidity", bytes("{\"celsius\":99}"), 0, false);
      client.publish("sensors/s2/temperature", bytes("not json"), 0, false);

      List<RecordingHttpReceiver.Request> s2 =
          receiver.awaitRequests(1, Duration.ofSeconds(15), r -> r.body().contains("s2"));
      com.fasterxml.jackson.databind.JsonNode alert = new ObjectMapper().readTree(s2.get(0).body());
      assertThat(alert.get("topic").asText()).isEqualTo("sensors/s2/temperature");
      assertThat(alert.get("celsius").asText()).isEqualTo("45");
      assertThat(alert.get("site").asText()).isEqualTo("lab");
      assertThat(receiver.requests())
          .extracting(RecordingHttpReceiver.Request::body)
          .noneMatch(body -> body.contains("12") || body.contains("humidity"));
    } finally {
      client.disconnect();
      client.close();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
