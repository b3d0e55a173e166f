package io.caravan.routes.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.testing.NatsServerExtension;
import io.caravan.routes.testing.TestContexts;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JetStream bus while nats-server stops and comes back on the same port and store. */
class JetStreamRecoveryBusTest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();
  private static final Duration WAIT = Duration.ofSeconds(20);

  private DefaultCamelContext context;
  private ProducerTemplate template;
  private final List<String> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startCamel() throws Exception {
    NATS.start();
    context = TestContexts.create();
    EventBusComponent component = new EventBusComponent();
    component.setUrl(NATS.url());
    component.setPublishTimeout(Duration.ofSeconds(2));
    component.setPullExpiry(Duration.ofSeconds(2));
    context.addComponent("eventbus", component);
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("eventbus:recovery/ev?durableName=group-recovery")
                .process(
                    exchange -> received.add(exchange.getMessage().getBody(ArgoEvent.class).id()));
          }
        });
    context.start();
    template = context.createProducerTemplate();
  }

  @AfterEach
  void stopCamel() {
    context.stop();
    NATS.start();
  }

  private Exchange publish(ArgoEvent event) {
    return template.send("eventbus:recovery/ev", exchange -> exchange.getMessage().setBody(event));
  }

  private static ArgoEvent event(String text) {
    return ArgoEvent.create(
        "recovery", "ev", "webhook", JsonNodeFactory.instance.objectNode().put("body", text));
  }

  @Test
  void publishFailsWithinTheTimeoutWhileNatsIsDownAndSucceedsAgainAfterItsRestart() {
    NATS.stop();

    ArgoEvent lost = event("while down");
    long start = System.nanoTime();
    Exchange failed = publish(lost);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(failed.getException()).as("publish while NATS is down").isNotNull();
    assertThat(took).isLessThan(Duration.ofSeconds(10));

    NATS.start();
    ArgoEvent after = event("after restart");
    await("a publish succeeding after the restart")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> publish(after).getException() == null);
    await("the event published after the restart consumed")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> received.contains(after.id()));
    assertThat(received).doesNotContain(lost.id());
  }

  @Test
  void consumerResumesAfterANatsRestart() {
    ArgoEvent before = event("before");
    assertThat(publish(before).getException()).isNull();
    await("the first event")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> received.contains(before.id()));

    NATS.restart();

    ArgoEvent after = event("after");
    await("a publish succeeding after the restart")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> publish(after).getException() == null);
    await("the event published after the restart consumed")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> received.contains(after.id()));
    assertThat(received).containsOnlyOnce(before.id());
  }

  @Test
  void runtimeStartedBeforeNatsWaitsForIt() throws Exception {
    context.stop();
    NATS.stop();
    DefaultCamelContext early = TestContexts.create();
    EventBusComponent component = new EventBusComponent();
    component.setUrl(NATS.url());
    early.addComponent("eventbus", component);
    List<String> got = new CopyOnWriteArrayList<>();
    early.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("eventbus:recovery/ev?durableName=group-early")
                .process(exchange -> got.add(exchange.getMessage().getBody(ArgoEvent.class).id()));
          }
        });
    Thread starter = new Thread(early::start, "early-start");
    starter.start();
    await("start waits for NATS (retrying its first connection)")
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(3))
        .until(starter::isAlive);
    NATS.start();
    starter.join(Duration.ofSeconds(20).toMillis());
    try {
      assertThat(early.isStarted()).isTrue();
      ArgoEvent event = event("after a late NATS");
      Exchange sent =
          early
              .createProducerTemplate()
              .send("eventbus:recovery/ev", exchange -> exchange.getMessage().setBody(event));
      assertThat(sent.getException()).isNull();
      await("the event consumed")
          .atMost(WAIT)
          .ignoreExceptions()
          .until(() -> got.contains(event.id()));
    } finally {
      early.stop();
    }
  }
}
