package io.caravan.routes.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.testing.TestContexts;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;

/** The component as the runtime finds and configures it. */
class EventBusComponentTest {

  @Test
  void eventbusSchemeResolvesWithoutRegistration() throws Exception {
    try (DefaultCamelContext context = TestContexts.create()) {
      context.start();
      EventBusEndpoint endpoint =
          (EventBusEndpoint)
              context.getEndpoint(
                  "eventbus:webhook/example?durableName=group-1&sensorName=s&triggerName=t&dependencyName=d");
      assertThat(endpoint.getComponent()).isInstanceOf(EventBusComponent.class);
      assertThat(endpoint.getSubject()).isEqualTo("default.webhook.example");
      assertThat(endpoint.getDurableName()).isEqualTo("group-1");
      assertThat(endpoint.getDependencyName()).isEqualTo("d");
    }
  }

  @Test
  void optionsBindFromRuntimePropertiesWithDurations() throws Exception {
    try (DefaultCamelContext context = TestContexts.create()) {
      EventBusComponent component = new EventBusComponent();
      Map<String, Object> properties =
          new HashMap<>(
              Map.of(
                  "url",
                  "nats://a:4222,nats://b:4222",
                  "username",
                  "caravan",
                  "maxInFlight",
                  "4",
                  "ackWait",
                  "90s",
                  "nakDelay",
                  "500ms",
                  "streamMaxAge",
                  "72h",
                  "streamMaxMsgs",
                  "1000"));
      PropertyBindingSupport.build().bind(context, component, properties);

      BusSettings settings = component.settings();
      assertThat(settings.inMemory()).isFalse();
      assertThat(settings.maxInFlight()).isEqualTo(4);
      assertThat(settings.ackWait()).isEqualTo(Duration.ofSeconds(90));
      assertThat(settings.nakDelay()).isEqualTo(Duration.ofMillis(500));
      assertThat(settings.streamMaxAge()).isEqualTo(Duration.ofHours(72));
      assertThat(settings.streamMaxMsgs()).isEqualTo(1000);
      assertThat(settings.streamDuplicates()).isEqualTo(Duration.ofSeconds(300));
    }
  }

  @Test
  void credentialsNeverAppearInLoggedSettings() {
    EventBusComponent component = new EventBusComponent();
    component.setUrl("nats://user:s3cret@host:4222");
    component.setPassword("hunter2");
    BusSettings settings = component.settings();
    assertThat(settings.toString()).doesNotContain("s3cret").doesNotContain("hunter2");
    assertThat(settings.redactedUrl()).isEqualTo("nats://host:4222");
  }

  @Test
  void absentOrMemoryUrlMeansTheInMemoryBus() {
    EventBusComponent component = new EventBusComponent();
    assertThat(component.settings().inMemory()).isTrue();
    component.setUrl("memory");
    assertThat(component.settings().inMemory()).isTrue();
  }

  @Test
  void theInMemoryBusSharesNoDeliveryStateSoTriggersKeepTheirOwn() throws Exception {
    try (DefaultCamelContext context = TestContexts.create()) {
      EventBusComponent component = new EventBusComponent();
      context.addComponent("eventbus", component);
      context.start();
      assertThat(component.sharedRateLimits("s")).isNull();
      assertThat(component.sharedFiredEventIds("s")).isNull();
    }
  }

  @Test
  void theDeduplicationWindowIsArgosMinuteUnlessSet() throws Exception {
    try (DefaultCamelContext context = TestContexts.create()) {
      EventBusComponent component = new EventBusComponent();
      assertThat(component.getDeduplicationWindow()).isEqualTo(Duration.ofMinutes(1));
      PropertyBindingSupport.build()
          .bind(context, component, new HashMap<>(Map.of("deduplicationWindow", "5s")));
      assertThat(component.getDeduplicationWindow()).isEqualTo(Duration.ofSeconds(5));
    }
  }
}
