package io.caravan.routes.source.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code caravan run} line of an mqtt event, found through the SourceSummary registry. */
class MqttSummaryTest {
  @Test
  void describesBrokerTopicAndClientWithoutCredentials() {
    SourceSummary summary =
        ServiceLoader.load(SourceSummary.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(s -> s.kamelet().equals("mqtt-source"))
            .findFirst()
            .orElseThrow();
    assertThat(summary.heading()).isEqualTo("MQTT subscriptions");
    assertThat(
            summary.describe(
                Map.of(
                    "url", "tcp://user:pw@mosquitto:1883",
                    "topic", "sensors/#",
                    "clientId", "caravan-1")))
        .isEqualTo("tcp://mosquitto:1883 topic 'sensors/#' as client 'caravan-1' (QoS 0)");
  }
}
