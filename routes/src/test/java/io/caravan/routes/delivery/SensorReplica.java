package io.caravan.routes.delivery;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.caravan.routes.bus.EventBusComponent;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.event.ExchangeKeys;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.testing.TestContexts;
import io.micrometer.core.instrument.Counter;
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

/**
 * One runtime of a Sensor with one trigger ({@code notify}) for tests of what replicas share: its
 * own Camel context and {@code eventbus} component (its own NATS connection), the trigger's {@link
 * TriggerDelivery} as the generated routes declare it, and an action route that records each
 * attempt.
 */
final class SensorReplica implements AutoCloseable {
  static final String TRIGGER = "notify";

  private final DefaultCamelContext context = TestContexts.create();
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final TriggerDelivery delivery = new TriggerDelivery();
  private final String sensor;

  /** When each attempt started (System.nanoTime()). */
  final List<Long> attemptStarts = new CopyOnWriteArrayList<>();

  /** The event ids of each attempt that completed (failed or not). */
  final List<String> attempts = new CopyOnWriteArrayList<>();

  /** Attempts that will fail, from the next one on. */
  final AtomicInteger failuresLeft = new AtomicInteger();

  /**
   * What the delivery step gave back to the bus consumer as an error (nothing, while the runtime
   * runs).
   */
  final List<Exception> failedDeliveries = new CopyOnWriteArrayList<>();

  /** Attempts wait here after they started (a trigger still running). */
  volatile CountDownLatch gate = new CountDownLatch(0);

  /**
   * @param natsUrl the bus
   * @param window the bus's de-duplication window
   * @param rateLimit the trigger's {@code rateLimit} block (YAML), or null
   */
  SensorReplica(String sensor, String natsUrl, Duration window, String rateLimit) throws Exception {
    this.sensor = sensor;
    EventBusComponent bus = new EventBusComponent();
    bus.setUrl(natsUrl);
    bus.setDeduplicationWindow(window);
    context.addComponent("eventbus", bus);
    context.getRegistry().bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(registry, ""));
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:action")
                .routeId("action." + sensor + "." + TRIGGER)
                .process(
                    exchange -> {
                      attemptStarts.add(System.nanoTime());
                      gate.await(20, TimeUnit.SECONDS);
                      attempts.add(
                          TriggerDelivery.eventIds(exchange.getMessage().getBody(Map.class)));
                      if (failuresLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("receiver down");
                      }
                    });
          }
        });
    context.start();
    delivery.setCamelContext(context);
    delivery.setSensorName(sensor);
    delivery.setTriggerName(TRIGGER);
    delivery.setAtLeastOnce(true);
    delivery.setAction("direct:action");
    delivery.setRateLimit(rateLimit);
  }

  /**
   * Hands the fired events to the delivery step as the trigger route does; the latch opens when it
   * is done.
   */
  CountDownLatch deliverAsync(String... ids) {
    return handOver(false, ids);
  }

  private CountDownLatch handOver(boolean redelivered, String... ids) {
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
    if (redelivered) {
      exchange.setProperty(ExchangeKeys.REDELIVERED, true);
    }
    CountDownLatch done = new CountDownLatch(1);
    delivery.process(
        exchange,
        doneSync -> {
          if (exchange.isFailed()) {
            failedDeliveries.add(exchange.getException());
          }
          done.countDown();
        });
    return done;
  }

  /**
   * As {@link #deliverAsync}, waiting until the delivery step is done (atLeastOnce: the trigger
   * ran).
   */
  void deliver(String... ids) throws InterruptedException {
    if (!deliverAsync(ids).await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the delivery of " + String.join(",", ids) + " did not end");
    }
  }

  /** As {@link #deliver}, for events the bus delivered before (to this or another replica). */
  void redeliver(String... ids) throws InterruptedException {
    if (!handOver(true, ids).await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the redelivery of " + String.join(",", ids) + " did not end");
    }
  }

  /**
   * Waits until the replicas' record holds {@code ids} (it is published without waiting for the
   * bus).
   */
  void awaitRecorded(String... ids) throws Exception {
    SharedFiredEventIds record = SharedDeliveryStateProvider.firedEventIds(context, sensor);
    String set = String.join(",", java.util.Arrays.stream(ids).sorted().toList());
    await("the record of " + set)
        .atMost(Duration.ofSeconds(5))
        .ignoreExceptions()
        .until(() -> record.firedRecently(TRIGGER, set));
  }

  /** The trigger's {@code atLeastOnce} (true unless set). */
  void atLeastOnce(boolean value) {
    delivery.setAtLeastOnce(value);
  }

  /** Event sets dropped as duplicates. */
  double duplicates() {
    Counter counter = registry.find(TriggerDelivery.DUPLICATES_METRIC).counter();
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() {
    gate.countDown();
    context.stop();
  }
}
