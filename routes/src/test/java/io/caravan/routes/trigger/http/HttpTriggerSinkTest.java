package io.caravan.routes.trigger.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.event.ExchangeKeys;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.HttpReceiver;
import io.caravan.routes.testing.TestContexts;
import io.caravan.routes.trigger.TriggerMetricsPolicy;
import io.caravan.routes.trigger.TriggerTemplate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An http trigger end to end: generated-shape YAML routes (beans + trigger routes) loaded with the
 * YAML DSL, the TriggerTemplate bean, the http-sink Kamelet with Vert.x, and a real HTTP receiver.
 */
class HttpTriggerSinkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MeterRegistry registry = new SimpleMeterRegistry();
  private HttpReceiver receiver;
  private CamelContext context;
  private ProducerTemplate producer;

  @BeforeEach
  void start() throws Exception {
    receiver = new HttpReceiver();
    context = TestContexts.create();
    context.getRegistry().bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(registry, "argo-events"));
    context.getRegistry().bind("triggerMetrics", new TriggerMetricsPolicy());
    context
        .getRegistry()
        .bind(
            SecretStore.BEAN_NAME,
            new MapSecretStore().putSecret("hook-token", "token", "Bearer s3cr3t"));
    context
        .getRegistry()
        .bind("sensor.webhook.trigger.http-trigger.conditions", firesOnEveryEvent());
    context
        .getRegistry()
        .bind("sensor.webhook.trigger.strict-trigger.conditions", firesOnEveryEvent());
    String yaml;
    try (InputStream in = getClass().getResourceAsStream("/trigger/http-sensor.yaml")) {
      yaml =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("RECEIVER", receiver.url("").replaceAll("/$", ""));
    }
    PluginHelper.getRoutesLoader(context)
        .loadRoutes(ResourceHelper.fromString("sensor-webhook.yaml", yaml));
    context.start();
    producer = context.createProducerTemplate();
  }

  @AfterEach
  void stop() {
    context.stop();
    receiver.close();
  }

  @Test
  void sendsTheParameterizedRequestWithHeadersAndSecureHeader() throws Exception {
    Exchange done =
        fire(
            "http-trigger",
            "{\"message\":\"hello\",\"count\":3,\"requestId\":\"r-42\",\"path\":\"/deploy?env=prod\"}");

    assertThat(done.getException()).isNull();
    HttpReceiver.Request request = receiver.next();
    assertThat(request.method()).isEqualTo("PUT");
    assertThat(request.uri()).isEqualTo("/hook/deploy?env=prod");
    assertThat(request.header("X-Team")).isEqualTo("platform");
    assertThat(request.header("X-Request-Id")).isEqualTo("r-42");
    assertThat(request.header("Authorization")).isEqualTo("Bearer s3cr3t");
    assertThat(request.header("Content-Type")).isNull();
    assertThat(request.headers().keySet())
        .noneMatch(name -> name.startsWith("caravan") || name.startsWith("camel"));
    assertThat(JSON.readTree(request.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"message\":\"hello\",\"count\":3,\"meta\":{\"source\":\"webhook\"},\"status\":\"requested\"}"));
    assertThat(count("http-trigger", "argo_events_action_triggered")).isEqualTo(1);
  }

  @Test
  void anyStatusIsSuccessWithoutStatusAllow() throws Exception {
    receiver.answer(500);

    Exchange done =
        fire("http-trigger", "{\"message\":\"hi\",\"count\":1,\"requestId\":\"r\",\"path\":\"\"}");

    assertThat(receiver.next().uri()).isEqualTo("/hook");
    assertThat(done.isFailed()).isFalse();
    assertThat(count("http-trigger", "argo_events_action_triggered")).isEqualTo(1);
  }

  @Test
  void aStatusOutsideStatusAllowFailsTheTrigger() throws Exception {
    receiver.answer(500);

    Exchange done = fire("strict-trigger", "{\"message\":\"hi\"}");

    HttpReceiver.Request request = receiver.next();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(new String(request.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"message\":\"hi\"}");
    assertThat(done.isFailed()).isTrue();
    assertThat(done.getException()).hasMessageContaining("500");
    assertThat(count("strict-trigger", "argo_events_action_failed")).isEqualTo(1);
    assertThat(count("strict-trigger", "argo_events_action_retries_failed")).isEqualTo(1);
  }

  @Test
  void aStatusInStatusAllowSucceeds() throws Exception {
    receiver.answer(201);

    Exchange done = fire("strict-trigger", "{\"message\":\"hi\"}");

    receiver.next();
    assertThat(done.isFailed()).isFalse();
    assertThat(count("strict-trigger", "argo_events_action_triggered")).isEqualTo(1);
  }

  @Test
  void aMissingSecretFailsWithTheReferenceOnly() throws Exception {
    TriggerTemplate bean = new TriggerTemplate();
    bean.setTriggerType("http");
    bean.setSensorName("webhook");
    bean.setTriggerName("t");
    bean.setSecretStore(new MapSecretStore());
    bean.setTrigger(
        "template:\n  name: t\n  http:\n    url: http://x\n    secureHeaders:\n"
            + "      - name: Authorization\n        valueFrom:\n          secretKeyRef: {name: hook-token, key: token}\n");
    Exchange exchange = new DefaultExchange(context);
    exchange.getMessage().setBody(Map.of("test-dep", event("{}")));

    assertThatThrownBy(() -> bean.process(exchange))
        .hasMessageContaining("secureHeaders[0].valueFrom.secretKeyRef")
        .hasMessageContaining("hook-token/token")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
  }

  private Exchange fire(String trigger, String body) throws Exception {
    ArgoEvent event = event(body);
    return producer.send(
        "direct:sensor.webhook." + trigger,
        e -> {
          e.setProperty(ExchangeKeys.SENSOR, "webhook");
          e.setProperty(ExchangeKeys.TRIGGER, trigger);
          e.setProperty(ExchangeKeys.DEPENDENCY, "test-dep");
          e.getMessage().setBody(event);
        });
  }

  private static ArgoEvent event(String body) throws Exception {
    ObjectNode data = JSON.createObjectNode();
    data.set("header", JSON.createObjectNode());
    data.set("body", JSON.readTree(body));
    return ArgoEvent.create("webhook", "example", "webhook", data);
  }

  /** Stands in for TriggerConditions with condition "test-dep": fires on every event. */
  private static Processor firesOnEveryEvent() {
    return exchange -> {
      ArgoEvent event = exchange.getMessage().getBody(ArgoEvent.class);
      exchange
          .getMessage()
          .setBody(Map.of(exchange.getProperty(ExchangeKeys.DEPENDENCY, String.class), event));
      exchange.setProperty(ExchangeKeys.FIRED, true);
    };
  }

  private double count(String trigger, String name) {
    var counter =
        registry.find(name).tag("sensor_name", "webhook").tag("trigger_name", trigger).counter();
    return counter == null ? 0 : counter.count();
  }
}
