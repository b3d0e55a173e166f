package io.caravan.routes.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.event.ExchangeKeys;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.testing.TestContexts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every bus implementation has (JetStream and in-memory): subclasses choose the bus. Each
 * test uses its own EventSource name, so tests sharing one NATS server do not see each other's
 * events.
 */
abstract class EventBusContractTest {
  protected static final Duration WAIT = Duration.ofSeconds(15);
  private static final AtomicInteger NAMES = new AtomicInteger();

  protected DefaultCamelContext context;
  protected EventBusComponent component;
  protected ProducerTemplate template;
  protected ArgoMetrics metrics;
  protected final List<Received> received = new CopyOnWriteArrayList<>();

  /** A fresh EventSource name for this test. */
  protected final String source = "es" + NAMES.incrementAndGet() + "x" + System.nanoTime() % 100000;

  /** What the consumer route saw. */
  protected record Received(ArgoEvent event, Map<String, Object> properties) {}

  /** Points {@code component} at the bus under test. */
  protected abstract void configureBus(EventBusComponent component);

  /** Messages of the durable delivered (or waiting for redelivery) and not acked yet. */
  protected abstract long unacknowledged(String durableName) throws Exception;

  @BeforeEach
  void createContext() {
    context = TestContexts.create();
    metrics = new ArgoMetrics(new SimpleMeterRegistry(), "test");
    context.getRegistry().bind(ArgoMetrics.BEAN_NAME, metrics);
    component = new EventBusComponent();
    component.setNakDelay(Duration.ofMillis(200));
    configureBus(component);
    context.addComponent("eventbus", component);
    template = context.createProducerTemplate();
  }

  @AfterEach
  void stopContext() {
    context.stop();
  }

  protected static ArgoEvent event(String source, String name, String message) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.putObject("header").putArray("Content-Type").add("application/json");
    data.putObject("body").put("message", message);
    return ArgoEvent.create(source, name, "webhook", data);
  }

  /**
   * Adds {@code from(eventbus:<source>/ev?durableName=…) → record}, with route id {@code consumer}.
   */
  protected void addConsumer(String durable, CamelStep step) throws Exception {
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("eventbus:"
                    + source
                    + "/ev?durableName="
                    + durable
                    + "&sensorName=sensor-a&triggerName=trigger-b&dependencyName=dep-c")
                .routeId("consumer")
                .process(
                    exchange -> {
                      step.run(exchange);
                      received.add(
                          new Received(
                              exchange.getMessage().getBody(ArgoEvent.class),
                              Map.copyOf(exchange.getProperties())));
                    });
          }
        });
  }

  protected Exchange publish(ArgoEvent event) {
    return template.send(
        "eventbus:" + source + "/ev", exchange -> exchange.getMessage().setBody(event));
  }

  protected void publishOk(ArgoEvent event) {
    Exchange result = publish(event);
    assertThat(result.getException()).as("publish of %s", event.id()).isNull();
  }

  protected List<String> receivedIds() {
    List<String> ids = new ArrayList<>();
    received.forEach(r -> ids.add(r.event().id()));
    return ids;
  }

  /** A step of the consumer route. */
  protected interface CamelStep {
    void run(Exchange exchange) throws Exception;
  }

  @Test
  void roundTripDeliversTheEventWithTheSensorProperties() throws Exception {
    addConsumer("group-roundtrip", exchange -> {});
    context.start();

    ArgoEvent sent = event(source, "ev", "hello");
    publishOk(sent);

    await("one event received").atMost(WAIT).ignoreExceptions().until(() -> received.size() == 1);
    Received got = received.get(0);
    assertThat(got.event()).isEqualTo(sent);
    assertThat(got.properties())
        .containsEntry(ExchangeKeys.SENSOR, "sensor-a")
        .containsEntry(ExchangeKeys.TRIGGER, "trigger-b")
        .containsEntry(ExchangeKeys.DEPENDENCY, "dep-c");
    await("the event acked")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> unacknowledged("group-roundtrip") == 0);
    assertThat(
            metrics
                .registry()
                .counter(
                    "argo_events_events_sent",
                    "namespace",
                    "test",
                    "eventsource_name",
                    source,
                    "event_name",
                    "ev")
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void failedExchangeIsNakedRedeliveredAndAckedOnlyAfterSuccess() throws Exception {
    AtomicBoolean failing = new AtomicBoolean(true);
    AtomicInteger attempts = new AtomicInteger();
    List<String> attemptIds = new CopyOnWriteArrayList<>();
    List<Boolean> redelivered = new CopyOnWriteArrayList<>();
    addConsumer(
        "group-redeliver",
        exchange -> {
          attempts.incrementAndGet();
          attemptIds.add(exchange.getMessage().getBody(ArgoEvent.class).id());
          redelivered.add(Boolean.TRUE.equals(exchange.getProperty(ExchangeKeys.REDELIVERED)));
          if (failing.get()) {
            throw new IllegalStateException("trigger down");
          }
        });
    context.start();

    ArgoEvent sent = event(source, "ev", "retry me");
    publishOk(sent);

    await("two failed attempts").atMost(WAIT).ignoreExceptions().until(() -> attempts.get() >= 2);
    assertThat(received).isEmpty();
    assertThat(unacknowledged("group-redeliver")).as("nothing acked while failing").isEqualTo(1);

    failing.set(false);
    await("the event processed").atMost(WAIT).ignoreExceptions().until(() -> received.size() == 1);
    await("the event acked")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> unacknowledged("group-redeliver") == 0);
    assertThat(attemptIds).allMatch(sent.id()::equals);
    assertThat(received.get(0).event()).isEqualTo(sent);
    assertThat(redelivered.get(0)).as("the first delivery is not marked redelivered").isFalse();
    assertThat(redelivered.subList(1, redelivered.size()))
        .as("every later one is")
        .isNotEmpty()
        .allMatch(r -> r);
  }

  @Test
  void durableKeepsItsPositionAcrossARouteRestartAndDeliversInOrder() throws Exception {
    component.setMaxInFlight(
        1); // order is kept with one event in flight (the default runs 64 at a time)
    addConsumer("group-restart", exchange -> {});
    context.start();
    context.getRouteController().stopRoute("consumer");

    List<String> sentIds = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ArgoEvent sent = event(source, "ev", "n" + i);
      publishOk(sent);
      sentIds.add(sent.id());
    }
    assertThat(received).isEmpty();

    context.getRouteController().startRoute("consumer");
    await("100 events received")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> received.size() >= 100);
    await("all acked")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> unacknowledged("group-restart") == 0);
    assertThat(receivedIds()).containsExactlyElementsOf(sentIds);
  }

  @Test
  void eventWithAnIdAlreadyStoredIsDroppedAsADuplicate() throws Exception {
    component.setMaxInFlight(1);
    addConsumer("group-dedup", exchange -> {});
    context.start();

    ArgoEvent first = event(source, "ev", "once");
    ArgoEvent second = event(source, "ev", "after");
    publishOk(first);
    publishOk(first);
    publishOk(second);

    await("the event after the duplicate")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> receivedIds().contains(second.id()));
    await("all acked")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> unacknowledged("group-dedup") == 0);
    assertThat(receivedIds()).containsExactly(first.id(), second.id());
  }

  @Test
  void newDurableStartsWithEventsPublishedAfterItWasCreated() throws Exception {
    addConsumer("group-new", exchange -> {});
    context.getRouteDefinition("consumer").autoStartup(false);
    context.start();
    ArgoEvent before = event(source, "ev", "before");
    publishOk(before);

    context.getRouteController().startRoute("consumer");
    ArgoEvent after = event(source, "ev", "after");
    publishOk(after);

    await("the new event").atMost(WAIT).ignoreExceptions().until(() -> received.size() == 1);
    await("all acked")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> unacknowledged("group-new") == 0);
    assertThat(receivedIds()).containsExactly(after.id());
  }

  @Test
  void publishingSomethingElseThanAnArgoEventFails() {
    context.start();
    Exchange result =
        template.send(
            "eventbus:" + source + "/ev", exchange -> exchange.getMessage().setBody("text"));
    assertThat(result.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ArgoEvent")
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void consumerWithoutDurableNameIsRefused() throws Exception {
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("eventbus:" + source + "/ev").to("log:never");
          }
        });
    assertThatThrownBy(() -> context.start()).hasStackTraceContaining("'durableName' is required");
  }

  @Test
  void namesThatAreNotSubjectTokensAreRefused() {
    context.start();
    assertThatThrownBy(() -> context.getEndpoint("eventbus:my.source/ev"))
        .hasStackTraceContaining("EventSource name 'my.source'");
    assertThatThrownBy(() -> context.getEndpoint("eventbus:onlyone"))
        .hasStackTraceContaining("eventbus:<eventSource>/<event>");
  }
}
