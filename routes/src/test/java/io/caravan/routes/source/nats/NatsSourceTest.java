package io.caravan.routes.source.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.NatsServerExtension;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The nats-source Kamelet and argo-nats component against a real nats-server (inventory §1.5.5,
 * §2.3).
 */
class NatsSourceTest extends RouteContractTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private void routes(String yaml) throws Exception {
    context.getRegistry().bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(meters, "ns"));
    context
        .getRegistry()
        .bind(
            SecretStore.BEAN_NAME, new MapSecretStore().putSecret("nats-auth", "token", "s3cret"));
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("nats.yaml", yaml));
  }

  private static String route(String id, String url, String extra) {
    return """
        - route:
            id: %s
            from:
              uri: kamelet:nats-source
              parameters:
                eventSourceName: bus
                eventName: %s
                url: %s
        %s
              steps:
                - to: mock:%s
        """
        .formatted(id, id, url, extra.indent(8).stripTrailing(), id);
  }

  /** Waits until the route's subscription is in place (the source connects in the background). */
  private void awaitSubscribed(String event) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                context.getRoutes().stream()
                    .map(r -> r.getConsumer())
                    .anyMatch(
                        c ->
                            c instanceof NatsSourceConsumer n
                                && n.isSubscribed()
                                && n.getEndpoint().getEventName().equals(event)));
  }

  private List<ObjectNode> bodies(String mock) {
    return getMockEndpoint("mock:" + mock).getReceivedExchanges().stream()
        .map(e -> e.getIn().getBody(ObjectNode.class))
        .toList();
  }

  @Test
  void jsonBodyEmbedsThePayloadWithSubjectHeadersAndMetadata() throws Exception {
    routes(
        route(
            "created",
            NATS.url(),
            """
        subject: "orders.>"
        jsonBody: true
        metadata: '{"team":"checkout"}'"""));
    awaitSubscribed("created");
    Connection client = NATS.connect();
    Headers headers = new Headers().add("Trace", "a", "b");
    client.publish(
        NatsMessage.builder()
            .subject("orders.created")
            .headers(headers)
            .data("{\"amount\":120}".getBytes(StandardCharsets.UTF_8))
            .build());
    client.publish("orders.created", "not json".getBytes(StandardCharsets.UTF_8));
    client.publish("orders.created", "[1,2]".getBytes(StandardCharsets.UTF_8));
    client.flush(Duration.ofSeconds(5));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(bodies("created")).hasSize(2));
    assertThat(bodies("created").get(0))
        .isEqualTo(
            JSON.readTree(
                """
        {"subject":"orders.created","body":{"amount":120},"header":{"Trace":["a","b"]},
         "metadata":{"team":"checkout"}}"""));
    assertThat(bodies("created").get(1))
        .isEqualTo(
            JSON.readTree(
                "{\"subject\":\"orders.created\",\"body\":[1,2],\"metadata\":{\"team\":\"checkout\"}}"));
    assertThat(
            meters
                .get("argo_events_events_processing_failed")
                .tags("eventsource_name", "bus", "event_name", "created")
                .counter()
                .count())
        .as("the payload that is not JSON")
        .isEqualTo(1.0);
  }

  @Test
  void withoutJsonBodyThePayloadIsABase64StringAndNoHeaderKeyWhenThereAreNone() throws Exception {
    routes(route("raw", NATS.url(), "subject: raw.events"));
    awaitSubscribed("raw");
    Connection client = NATS.connect();
    client.publish("raw.events", "not json \u00e9".getBytes(StandardCharsets.UTF_8));
    client.flush(Duration.ofSeconds(5));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(bodies("raw")).hasSize(1));
    ObjectNode data = bodies("raw").get(0);
    assertThat(data.fieldNames()).toIterable().containsExactly("subject", "body");
    assertThat(Base64.getDecoder().decode(data.get("body").asText()))
        .isEqualTo("not json \u00e9".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aQueueGroupGetsEachMessageOnce() throws Exception {
    routes(
        route("left", NATS.url(), "subject: jobs\nqueue: workers")
            + route("right", NATS.url(), "subject: jobs\nqueue: workers"));
    awaitSubscribed("left");
    awaitSubscribed("right");
    Connection client = NATS.connect();
    for (int i = 0; i < 50; i++) {
      client.publish("jobs", ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
    }
    client.flush(Duration.ofSeconds(5));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(bodies("left").size() + bodies("right").size()).isEqualTo(50));
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(
            () -> assertThat(bodies("left").size() + bodies("right").size()).isEqualTo(50));
  }

  @Test
  void aServerThatIsDownAtStartIsConnectedToWhenItComes() throws Exception {
    try (NatsServerExtension later = new NatsServerExtension()) {
      routes(route("late", later.url(), "subject: late\nbackoffDuration: 100ms\nbackoffJitter: 0"));
      assertThat(context.getRouteController().getRouteStatus("late").isStarted()).isTrue();

      later.start();
      Connection client = Nats.connect(later.url());
      try {
        MockEndpoint late = getMockEndpoint("mock:late");
        await()
            .atMost(Duration.ofSeconds(15))
            .untilAsserted(
                () -> {
                  client.publish("late", "{}".getBytes(StandardCharsets.UTF_8));
                  client.flush(Duration.ofSeconds(2));
                  assertThat(late.getReceivedCounter()).isPositive();
                });
      } finally {
        client.close();
      }
    }
  }

  @Test
  void tokenAuthIsReadFromTheSecretStore() throws Exception {
    try (NatsServerExtension secured = new NatsServerExtension("--auth", "s3cret")) {
      secured.start();
      routes(route("secured", secured.url(), "subject: secured\ntokenSecret: nats-auth/token"));
      Connection client =
          Nats.connect(
              new Options.Builder().server(secured.url()).token("s3cret".toCharArray()).build());
      try {
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () -> {
                  client.publish("secured", "{}".getBytes(StandardCharsets.UTF_8));
                  client.flush(Duration.ofSeconds(2));
                  assertThat(getMockEndpoint("mock:secured").getReceivedCounter()).isPositive();
                });
      } finally {
        client.close();
      }
      Exchange first = getMockEndpoint("mock:secured").getReceivedExchanges().get(0);
      assertThat(first.getIn().getBody(ObjectNode.class).get("subject").asText())
          .isEqualTo("secured");
    }
  }
}
