package io.caravan.routes.trigger.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.testing.NatsServerExtension;
import io.caravan.routes.testing.TriggerTestRoutes;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** nats trigger (core publish and Caravan's JetStream publish) against a real nats-server. */
class NatsTriggerSinkTest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  private TriggerTestRoutes routes;
  private Connection client;

  @BeforeEach
  void start() throws Exception {
    client = Nats.connect(NATS.url());
    String payload =
        "    payload:\n      - src: {dependencyName: test-dep, dataKey: body.id}\n        dest: id\n";
    routes =
        new TriggerTestRoutes(new MapSecretStore())
            .trigger(
                "core",
                "template:\n  name: core\n  nats:\n    url: "
                    + NATS.url()
                    + "\n"
                    + "    subject: alerts.default\n"
                    + payload
                    + "    parameters:\n      - src: {dependencyName: test-dep, dataKey: body.team}\n"
                    + "        dest: subject\n        operation: append\n",
                "kamelet:nats-sink?sensorName=test-sensor&triggerName=core")
            .trigger(
                "stream",
                "template:\n  name: stream\n  nats:\n    url: "
                    + NATS.url()
                    + "\n"
                    + "    subject: orders.created\n    jetStream: true\n"
                    + payload,
                "kamelet:nats-sink?sensorName=test-sensor&triggerName=stream")
            .trigger(
                "no-stream",
                "template:\n  name: no-stream\n  nats:\n    url: "
                    + NATS.url()
                    + "\n"
                    + "    subject: nowhere.at.all\n    jetStream: true\n"
                    + payload,
                "kamelet:nats-sink?sensorName=test-sensor&triggerName=no-stream")
            .start();
  }

  @AfterEach
  void stop() throws Exception {
    routes.close();
    client.close();
  }

  @Test
  void publishesThePayloadToTheParameterizedSubject() throws Exception {
    Subscription subscription = client.subscribe("alerts.>");
    client.flush(Duration.ofSeconds(5));

    Exchange done = routes.fire("core", "{\"id\":\"a-1\",\"team\":\".payments\"}");

    assertThat(done.getException()).isNull();
    Message received = subscription.nextMessage(Duration.ofSeconds(10));
    assertThat(received).isNotNull();
    assertThat(received.getSubject()).isEqualTo("alerts.default.payments");
    assertThat(new String(received.getData(), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":\"a-1\"}");
  }

  @Test
  void jetStreamPublishSucceedsOnTheStreamsAck() throws Exception {
    JetStreamManagement management = client.jetStreamManagement();
    management.addStream(
        StreamConfiguration.builder()
            .name("ORDERS")
            .subjects("orders.>")
            .storageType(StorageType.Memory)
            .build());
    try {
      Exchange done = routes.fire("stream", "{\"id\":\"o-7\"}");

      assertThat(done.getException()).isNull();
      assertThat(done.getMessage().getHeader("CaravanNatsStream")).isEqualTo("ORDERS");
      var stored = management.getLastMessage("ORDERS", "orders.created");
      assertThat(new String(stored.getData(), StandardCharsets.UTF_8))
          .isEqualTo("{\"id\":\"o-7\"}");
    } finally {
      management.deleteStream("ORDERS");
    }
  }

  @Test
  void stoppingTheContextStopsTheSinkAndItsConnections() throws Exception {
    assertThat(routes.fire("core", "{\"id\":\"c\",\"team\":\".x\"}").getException()).isNull();
    NatsTriggerSink sink = routes.context().hasService(NatsTriggerSink.class);
    assertThat(sink).isNotNull();
    assertThat(sink.isStarted()).isTrue();

    routes.close();

    assertThat(sink.isStopped()).isTrue();
  }

  @Test
  void jetStreamPublishWithoutAStreamFailsTheTrigger() throws Exception {
    Exchange done = routes.fire("no-stream", "{\"id\":\"x\"}");

    assertThat(done.getException()).isNotNull();
  }
}
