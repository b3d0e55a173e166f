package io.caravan.routes.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.event.ExchangeKeys;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.testing.TestContexts;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TriggerMetricsPolicyTest {
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private CamelContext context;
  private ProducerTemplate producer;

  @BeforeEach
  void start() throws Exception {
    context = TestContexts.create();
    context.getRegistry().bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(registry, "argo-events"));
    context.getRegistry().bind("triggerMetrics", new TriggerMetricsPolicy());
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:sensor.orders.notify")
                .routeId("sensor.orders.notify")
                .routePolicyRef("triggerMetrics")
                .process(
                    e ->
                        e.setProperty(
                            ExchangeKeys.FIRED,
                            e.getMessage().getHeader("fire", false, Boolean.class)))
                .process(
                    e -> {
                      if (e.getMessage().getHeader("fail", false, Boolean.class)) {
                        throw new IllegalStateException("receiver down");
                      }
                    });
          }
        });
    context.start();
    producer = context.createProducerTemplate();
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void countersStartAtZeroWhenTheRouteStarts() {
    assertThat(count("argo_events_action_triggered")).isZero();
    assertThat(count("argo_events_action_failed")).isZero();
    assertThat(count("argo_events_action_retries_failed")).isZero();
    assertThat(
            registry.find("argo_events_action_triggered").tag("namespace", "argo-events").counter())
        .isNotNull();
  }

  @Test
  void firedAndSucceededCountsTriggered() {
    Exchange done = send(true, false);

    assertThat(done.isFailed()).isFalse();
    assertThat(count("argo_events_action_triggered")).isEqualTo(1);
    assertThat(count("argo_events_action_failed")).isZero();
    DistributionSummary duration =
        registry
            .find("argo_events_action_duration_milliseconds")
            .tag("sensor_name", "orders")
            .tag("trigger_name", "notify")
            .summary();
    assertThat(duration).isNotNull();
    assertThat(duration.count()).isEqualTo(1);
  }

  @Test
  void firedAndFailedCountsFailedAndRetriesFailed() {
    Exchange done = send(true, true);

    assertThat(done.isFailed()).isTrue();
    assertThat(count("argo_events_action_triggered")).isZero();
    assertThat(count("argo_events_action_failed")).isEqualTo(1);
    assertThat(count("argo_events_action_retries_failed")).isEqualTo(1);
  }

  @Test
  void notFiredCountsNothing() {
    send(false, false);
    send(false, true);

    assertThat(count("argo_events_action_triggered")).isZero();
    assertThat(count("argo_events_action_failed")).isZero();
    assertThat(registry.find("argo_events_action_duration_milliseconds").summary()).isNull();
  }

  @Test
  void namesComeFromTheExchangeWhenTheBusSetThem() {
    producer.send(
        "direct:sensor.orders.notify",
        e -> {
          e.setProperty(ExchangeKeys.SENSOR, "orders");
          e.setProperty(ExchangeKeys.TRIGGER, "notify");
          e.getMessage().setHeader("fire", true);
        });
    assertThat(count("argo_events_action_triggered")).isEqualTo(1);
  }

  @Test
  void routeIdsThatAreNotUnambiguousGiveNoNames() {
    assertThat(TriggerMetricsPolicy.namesFromRouteId("sensor.a.b")).containsExactly("a", "b");
    assertThat(TriggerMetricsPolicy.namesFromRouteId("sensor.a.b.c")).isNull();
    assertThat(TriggerMetricsPolicy.namesFromRouteId("eventsource.a.b")).isNull();
  }

  private Exchange send(boolean fire, boolean fail) {
    return producer.send(
        "direct:sensor.orders.notify",
        e -> {
          e.getMessage().setHeader("fire", fire);
          e.getMessage().setHeader("fail", fail);
        });
  }

  private double count(String name) {
    var counter =
        registry.find(name).tag("sensor_name", "orders").tag("trigger_name", "notify").counter();
    return counter == null ? 0 : counter.count();
  }
}
