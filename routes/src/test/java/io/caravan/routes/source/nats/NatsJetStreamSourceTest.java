package io.caravan.routes.source.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.NatsServerExtension;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Caravan extension {@code nats.<event>.jetStream} against a real nats-server with JetStream: a
 * durable consumer that acknowledges a message only after the route (the bus) took its event,
 * redelivers what the route failed on, keeps its place across restarts, gives each event the stream
 * position as id, and waits for a stream that does not exist yet.
 */
class NatsJetStreamSourceTest extends RouteContractTestSupport {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  private void routes(String stream, String durable) throws Exception {
    context.getRegistry().bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(meters, "ns"));
    context.getRegistry().bind(SecretStore.BEAN_NAME, new MapSecretStore());
    context
        .getRegistry()
        .bind(
            "failOnce",
            (org.apache.camel.Processor)
                exchange -> {
                  if (failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("bus down");
                  }
                });
    String yaml =
        """
        - route:
            id: js
            from:
              uri: kamelet:nats-source
              parameters:
                eventSourceName: bus
                eventName: orders
                url: %s
                subject: "%s.>"
                jsonBody: true
                jetStreamStream: %s
                jetStreamDurable: %s
                backoffDuration: 100ms
              steps:
                - to: argo-event:bus/orders?type=nats
                - process:
                    ref: failOnce
                - to: mock:events
        """
            .formatted(NATS.url(), stream.toLowerCase(), stream, durable);
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("js.yaml", yaml));
  }

  private static void createStream(Connection client, String name) throws Exception {
    client
        .jetStreamManagement()
        .addStream(
            StreamConfiguration.builder()
                .name(name)
                .subjects(name.toLowerCase() + ".>")
                .storageType(StorageType.Memory)
                .build());
  }

  private static void publish(Connection client, String stream, String json) throws Exception {
    client
        .jetStream()
        .publish(stream.toLowerCase() + ".created", json.getBytes(StandardCharsets.UTF_8));
  }

  private List<ArgoEvent> events() {
    return getMockEndpoint("mock:events").getReceivedExchanges().stream()
        .map(e -> e.getIn().getBody(ArgoEvent.class))
        .toList();
  }

  private void awaitSubscribed() {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                context.getRoutes().stream()
                    .anyMatch(
                        r -> r.getConsumer() instanceof NatsSourceConsumer n && n.isSubscribed()));
  }

  private static ConsumerInfo consumer(Connection client, String stream, String durable)
      throws Exception {
    JetStreamManagement jsm = client.jetStreamManagement();
    return jsm.getConsumerInfo(stream, durable);
  }

  @Test
  void storedMessagesArriveInOrderWithStreamPositionIdsAndAreAcked() throws Exception {
    Connection client = NATS.connect();
    createStream(client, "ORDERS_A");
    publish(client, "ORDERS_A", "{\"n\":1}");
    publish(client, "ORDERS_A", "{\"n\":2}");
    routes("ORDERS_A", "caravan-a");

    await().atMost(Duration.ofSeconds(10)).until(() -> events().size() == 2);
    assertThat(events())
        .extracting(ArgoEvent::id)
        .containsExactly("bus:orders:ORDERS_A:1", "bus:orders:ORDERS_A:2");
    assertThat(events().get(0).data().at("/body/n").asInt()).isEqualTo(1);
    assertThat(events().get(1).data().get("subject").asText()).isEqualTo("orders_a.created");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              ConsumerInfo info = consumer(client, "ORDERS_A", "caravan-a");
              assertThat(info.getAckFloor().getStreamSequence()).isEqualTo(2);
              assertThat(info.getNumAckPending()).isZero();
            });
  }

  @Test
  void aMessageTheRouteFailedOnIsRedeliveredWithTheSameId() throws Exception {
    Connection client = NATS.connect();
    createStream(client, "ORDERS_B");
    failuresLeft.set(1);
    routes("ORDERS_B", "caravan-b");
    awaitSubscribed();
    publish(client, "ORDERS_B", "{\"n\":1}");

    await().atMost(Duration.ofSeconds(10)).until(() -> events().size() == 1);
    assertThat(events().get(0).id()).isEqualTo("bus:orders:ORDERS_B:1");
    assertThat(failuresLeft.get()).as("the first delivery failed").isNegative();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(consumer(client, "ORDERS_B", "caravan-b").getRedelivered()).isZero());
  }

  @Test
  void theDurableConsumerResumesWhereItStoppedAcrossARestart() throws Exception {
    Connection client = NATS.connect();
    createStream(client, "ORDERS_C");
    routes("ORDERS_C", "caravan-c");
    awaitSubscribed();
    publish(client, "ORDERS_C", "{\"n\":1}");
    await().atMost(Duration.ofSeconds(10)).until(() -> events().size() == 1);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> consumer(client, "ORDERS_C", "caravan-c").getAckFloor().getStreamSequence() == 1);

    context.getRouteController().stopRoute("js");
    publish(client, "ORDERS_C", "{\"n\":2}");
    context.getRouteController().startRoute("js");

    await().atMost(Duration.ofSeconds(10)).until(() -> events().size() == 2);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .untilAsserted(() -> assertThat(events()).hasSize(2));
    assertThat(events())
        .extracting(ArgoEvent::id)
        .containsExactly("bus:orders:ORDERS_C:1", "bus:orders:ORDERS_C:2");
  }

  @Test
  void aStreamThatDoesNotExistYetIsWaitedFor() throws Exception {
    routes("ORDERS_D", "caravan-d");
    Connection client = NATS.connect();
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(
            () ->
                context.getRoutes().stream()
                    .noneMatch(
                        r -> r.getConsumer() instanceof NatsSourceConsumer n && n.isSubscribed()));
    createStream(client, "ORDERS_D");
    publish(client, "ORDERS_D", "{\"n\":1}");
    await().atMost(Duration.ofSeconds(15)).until(() -> events().size() == 1);
  }
}
