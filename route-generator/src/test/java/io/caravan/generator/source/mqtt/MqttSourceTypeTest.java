package io.caravan.generator.source.mqtt;

import static io.caravan.generator.ValidatorFixtures.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravan.generator.Diagnostic;
import org.junit.jupiter.api.Test;

/** Argo's checks of an mqtt event ({@code mqtt/validate.go}, inventory §1.4) and Caravan's. */
class MqttSourceTypeTest {

  @Test
  void acceptsArgosExampleShapes() {
    assertThat(
            eventSource(
                """
          mqtt:
            plain: {url: "tcp://mqtt.argo-events:1883", topic: foo, clientId: "1234"}
            secured:
              url: ssl://mosquitto:8883
              topic: "sensors/+/temperature"
              clientId: caravan-sensors
              jsonBody: true
              metadata: {site: lab}
              connectionBackoff: {duration: 10s, steps: 5, factor: 2, jitter: 0.2}
              auth:
                username: {name: mqtt, key: user}
                password: {name: mqtt, key: password}
              tls: {caCertSecret: {name: mqtt-tls, key: ca.crt}}
              filter: {expression: "body.celsius > 30"}
        """))
        .isEmpty();
  }

  @Test
  void reportsArgosValidationMessagesAtTheirFields() {
    assertThat(
            eventSource(
                """
          mqtt:
            no-url: {topic: a, clientId: c}
            no-topic: {url: "tcp://m:1883", clientId: c}
            no-client: {url: "tcp://m:1883", topic: a}
            half-auth:
              url: tcp://m:1883
              topic: a
              clientId: c
              auth: {username: {name: mqtt, key: user}}
            half-tls:
              url: ssl://m:8883
              topic: a
              clientId: c
              tls: {clientCertSecret: {name: t, key: crt}}
        """))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.mqtt.no-url.url", "url must be specified"),
            tuple("spec.mqtt.no-topic.topic", "topic must be specified"),
            tuple("spec.mqtt.no-client.clientId", "client id must be specified"),
            tuple("spec.mqtt.half-auth.auth.password", "password missing"),
            tuple(
                "spec.mqtt.half-tls.tls.clientKeySecret",
                "invalid tls config, both clientCertSecret and clientKeySecret need to be configured"));
  }

  @Test
  void reportsTransportsNotRunTlsOnAPlainUrlAndUnknownFields() {
    assertThat(
            eventSource(
                """
          mqtt:
            websocket: {url: "ws://m:9001", topic: a, clientId: c}
            plain-tls:
              url: tcp://m:1883
              topic: a
              clientId: c
              tls: {insecureSkipVerify: true}
              qos: 1
        """))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple(
                "spec.mqtt.websocket.url",
                "unsupported: broker URL 'ws://m:9001': Caravan connects with tcp://, mqtt://,"
                    + " ssl://, tls://, mqtts:// or tcps:// (no WebSocket or unix socket transport)"),
            tuple(
                "spec.mqtt.plain-tls.tls",
                "tls is used only with an ssl://, tls:// or mqtts:// URL (as in Argo): this"
                    + " connection is not encrypted"),
            tuple("spec.mqtt.plain-tls.qos", "unknown field 'qos'"));
  }
}
