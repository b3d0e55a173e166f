package io.caravan.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.event.ExchangeKeys;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.testing.TestContexts;
import io.caravan.routes.trigger.TriggerMetricsPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attempts, backoff waits, dlqTrigger, de-duplication and the two atLeastOnce modes of one trigger.
 */
class TriggerDeliveryTest {
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final List<Integer> attempts = new CopyOnWriteArrayList<>();
  private final List<String> dlqRuns = new CopyOnWriteArrayList<>();
  private final List<Long> sleeps = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch actionGate = new CountDownLatch(0);
  private DefaultCamelContext context;

  @BeforeEach
  void start() throws Exception {
    context = TestContexts.create();
    context.getRegistry().bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(registry, ""));
    context.getRegistry().bind("triggerMetrics", new TriggerMetricsPolicy());
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:action.s.t")
                .routeId("action.s.t")
                .routePolicyRef("triggerMetrics")
                .process(
                    e -> {
                      actionGate.await(10, TimeUnit.SECONDS);
                      attempts.add(e.getProperty(ExchangeKeys.ATTEMPT, Integer.class));
                      if (failuresLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("receiver down");
                      }
                    });
            from("direct:action.s.t.dlq")
                .routeId("action.s.t.dlq")
                .routePolicyRef("triggerMetrics")
                .process(e -> dlqRuns.add(e.getProperty(ExchangeKeys.TRIGGER, String.class)));
          }
        });
    context.start();
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  private TriggerDelivery delivery(boolean atLeastOnce, String retryStrategy) {
    TriggerDelivery delivery = new TriggerDelivery();
    delivery.setCamelContext(context);
    delivery.setSensorName("s");
    delivery.setTriggerName("t");
    delivery.setAtLeastOnce(atLeastOnce);
    delivery.setAction("direct:action.s.t");
    delivery.setRetryStrategy(retryStrategy);
    delivery.setScheduler(
        (task, millis) -> {
          sleeps.add(millis);
          task.run();
        });
    return delivery;
  }

  private Exchange fired(String... ids) {
    Map<String, ArgoEvent> events = new LinkedHashMap<>();
    for (int i = 0; i < ids.length; i++) {
      events.put(
          "dep" + i,
          new ArgoEvent(
              ids[i],
              "src",
              "1.0",
              "webhook",
              "ev",
              "2026-01-01T00:00:00Z",
              "application/json",
              JsonNodeFactory.instance.objectNode()));
    }
    Exchange exchange = new DefaultExchange(context);
    exchange.getMessage().setBody(events);
    exchange.setProperty(ExchangeKeys.FIRED, true);
    return exchange;
  }

  private double count(String metric, String trigger) {
    var counter = registry.find(metric).tag("trigger_name", trigger).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void withoutRetryStrategyAFailureIsOneAttemptAndCountedAsRetriesFailed() throws Exception {
    failuresLeft.set(1);
    delivery(true, null).process(fired("e1"));
    assertThat(attempts).containsExactly(1);
    assertThat(sleeps).isEmpty();
    assertThat(count("argo_events_action_failed", "t")).isEqualTo(1);
    assertThat(count("argo_events_action_retries_failed", "t")).isEqualTo(1);
  }

  @Test
  void retriesUntilSuccessWaitingTheBackoffBetweenAttempts() throws Exception {
    failuresLeft.set(2);
    delivery(true, "steps: 4\nduration: 100ms\nfactor: 3\njitter: 0").process(fired("e1"));
    assertThat(attempts).containsExactly(1, 2, 3);
    assertThat(sleeps).containsExactly(100L, 300L);
    assertThat(count("argo_events_action_failed", "t")).isEqualTo(2);
    assertThat(count("argo_events_action_retries_failed", "t")).isZero();
    assertThat(count("argo_events_action_triggered", "t")).isEqualTo(1);
  }

  @Test
  void theDlqTriggerRunsOnceEveryAttemptFailedAndTheMessageIsStillAcked() throws Exception {
    failuresLeft.set(100);
    TriggerDelivery delivery = delivery(true, "steps: 3\nduration: 10ms\njitter: 0");
    delivery.setDlqAction("direct:action.s.t.dlq");
    delivery.setDlqTriggerName("t-dlq");
    Exchange exchange = fired("e1");
    delivery.process(exchange);
    assertThat(attempts).containsExactly(1, 2, 3);
    assertThat(dlqRuns).containsExactly("t-dlq");
    assertThat(exchange.isFailed())
        .as("the bus message is acked after the dlqTrigger (Argo)")
        .isFalse();
    assertThat(count("argo_events_action_retries_failed", "t")).isEqualTo(1);
    assertThat(count("argo_events_action_triggered", "t-dlq")).isEqualTo(1);
  }

  @Test
  void noDlqTriggerWhileAnAttemptSucceeds() throws Exception {
    failuresLeft.set(1);
    TriggerDelivery delivery = delivery(true, "steps: 2\nduration: 1ms");
    delivery.setDlqAction("direct:action.s.t.dlq");
    delivery.process(fired("e1"));
    assertThat(attempts).containsExactly(1, 2);
    assertThat(dlqRuns).isEmpty();
  }

  @Test
  void theSameEventsFiringAgainWithinTheWindowAreDroppedAndCounted() throws Exception {
    TriggerDelivery delivery = delivery(true, null);
    delivery.process(fired("e1", "e2"));
    delivery.process(fired("e2", "e1"));
    delivery.process(fired("e3"));
    assertThat(attempts).hasSize(2);
    assertThat(registry.find("caravan_trigger_duplicates").counter().count()).isEqualTo(1);
  }

  @Test
  void atLeastOnceFalseAcksAtOnceAndRunsTheTriggerAfterwards() throws Exception {
    actionGate = new CountDownLatch(1);
    TriggerDelivery delivery = delivery(false, null);
    delivery.setScheduler(null); // the real workers: the run must not happen on the caller's thread
    Exchange exchange = fired("e1");
    delivery.process(exchange); // returns while the action is held at the gate
    assertThat(exchange.isFailed()).isFalse();
    assertThat(attempts).isEmpty();
    actionGate.countDown();
    await("the trigger ran")
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> attempts.size() == 1);
  }

  @Test
  void atLeastOnceFalseStillRetries() throws Exception {
    failuresLeft.set(1);
    TriggerDelivery delivery = delivery(false, "steps: 2\nduration: 1ms");
    delivery.setScheduler(null);
    delivery.process(fired("e1"));
    await("two attempts")
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> attempts.size() == 2);
    assertThat(attempts).containsExactly(1, 2);
  }

  @Test
  void aStoppingRuntimeStartsNoNewAttemptSoTheBusRedelivers() throws Exception {
    TriggerDelivery delivery = delivery(true, "steps: 3\nduration: 1ms");
    failuresLeft.set(100);
    delivery.setScheduler(
        (task, millis) -> {
          context.stop();
          task.run();
        });
    Exchange exchange = fired("e1");
    delivery.process(exchange);
    assertThat(exchange.isFailed()).as("the message stays unacknowledged").isTrue();
    assertThat(exchange.getException()).hasMessageContaining("stopping");
    assertThat(attempts).containsExactly(1);
  }

  @Test
  void theRateLimitDelaysAttemptsBeyondTheBurst() throws Exception {
    TriggerDelivery delivery = delivery(true, null);
    delivery.setRateLimit("unit: Second\nrequestsPerUnit: 2");
    for (String id : new String[] {"e1", "e2", "e3", "e4"}) {
      delivery.process(fired(id));
    }
    assertThat(attempts).hasSize(4);
    // Two at once, then one token every 500 ms: the 3rd and 4th waited (about 500 and 1000 ms).
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isBetween(400L, 500L);
    assertThat(sleeps.get(1)).isBetween(900L, 1000L);
  }

  @Test
  void eventIdsKeyIsOrderIndependent() {
    assertThat(TriggerDelivery.eventIds(fired("b", "a").getMessage().getBody(Map.class)))
        .isEqualTo("a,b");
  }
}
