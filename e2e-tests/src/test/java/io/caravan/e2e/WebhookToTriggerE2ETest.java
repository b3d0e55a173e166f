package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.RecordingHttpReceiver;
import io.caravan.e2e.support.Webhook;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.testing.NatsServerExtension;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The core path on real parts: a webhook EventSource and a Sensor, compiled from manifests, in two
 * runtimes joined by a real JetStream server; the triggers reach a real HTTP receiver and the
 * fabric8 mock API server.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class WebhookToTriggerE2ETest {

  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  static final ResourceDefinitionContext WORKFLOWS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("Workflow")
          .withPlural("workflows")
          .withNamespaced(true)
          .build();

  static KubernetesClient client;
  static KubernetesMockServer server;

  private final ObjectMapper mapper = new ObjectMapper();
  private RecordingHttpReceiver receiver;
  private CaravanRuntime source;
  private CaravanRuntime sensor;
  private int port;

  @BeforeEach
  void start() throws Exception {
    receiver = new RecordingHttpReceiver();
    port = Webhook.freePort();
    source =
        Caravan.manifests("manifests/orders-eventsource.yaml")
            .with("PORT", port)
            .bus(NATS.url())
            .start();
  }

  @AfterEach
  void stop() {
    if (sensor != null) {
      sensor.close();
    }
    source.close();
    receiver.close();
  }

  @Test
  void acceptedEventsReachTheHttpReceiverWithTheParameterizedPayload() throws Exception {
    sensor =
        Caravan.manifests("manifests/orders-sensor.yaml")
            .with("RECEIVER", receiver.url("/crm/orders?tenant=eu&channel=web%20shop"))
            .bus(NATS.url())
            .start();

    String url = "http://127.0.0.1:" + port + "/orders";
    assertThat(
            Webhook.post(
                url, "{\"kind\":\"order\",\"id\":\"o-1\",\"amount\":250,\"customer\":\"ada\"}"))
        .isEqualTo(new Webhook.Answer(200, "success"));
    // Filtered out: the amount is below 100, and "orders" does not match the anchored ^order$.
    assertThat(
            Webhook.post(
                    url, "{\"kind\":\"order\",\"id\":\"o-2\",\"amount\":5,\"customer\":\"bob\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            Webhook.post(
                    url, "{\"kind\":\"orders\",\"id\":\"o-3\",\"amount\":500,\"customer\":\"cy\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            Webhook.post(
                    url, "{\"kind\":\"order\",\"id\":\"o-4\",\"amount\":100,\"customer\":\"dee\"}")
                .status())
        .isEqualTo(200);

    List<RecordingHttpReceiver.Request> received =
        receiver.awaitRequests(2, Duration.ofSeconds(20), r -> true);
    assertThat(received).hasSize(2);
    // Up to maxInFlight events of a dependency are processed at once: arrival order is not
    // guaranteed.
    RecordingHttpReceiver.Request first =
        received.stream().filter(r -> r.body().contains("\"o-1\"")).findFirst().orElseThrow();
    assertThat(first.method()).isEqualTo("POST");
    assertThat(first.path()).isEqualTo("/crm/orders");
    assertThat(first.query()).isEqualTo("tenant=eu&channel=web%20shop");
    assertThat(first.header("X-Team")).isEqualTo("checkout");
    assertThat(mapper.readTree(first.body()))
        .isEqualTo(
            mapper.readTree(
                "{\"orderId\":\"o-1\",\"customer\":\"ADA\",\"amount\":250,\"shop\":\"eu-1\",\"source\":\"orders\"}"));
    List<String> orderIds = new java.util.ArrayList<>();
    for (RecordingHttpReceiver.Request request : received) {
      orderIds.add(mapper.readTree(request.body()).path("orderId").asText());
    }
    assertThat(orderIds).containsExactlyInAnyOrder("o-1", "o-4");

    assertThat(counter(source, "argo_events_events_sent", "eventsource_name", "orders"))
        .isEqualTo(4);
    awaitCounter(sensor, "argo_events_action_triggered", "trigger_name", "notify-crm", 2);
  }

  @Test
  void k8sTriggerCreatesAWorkflowOnTheApiServer() throws Exception {
    sensor =
        Caravan.manifests("manifests/workflow-sensor.yaml")
            .bus(NATS.url())
            .kubernetes(client)
            .start();

    assertThat(
            Webhook.post("http://127.0.0.1:" + port + "/orders", "{\"id\":\"commit-42\"}").status())
        .isEqualTo(200);

    GenericKubernetesResource workflow = awaitWorkflow("ci");
    assertThat(workflow.getMetadata().getName()).startsWith("build-");
    assertThat(workflow.getMetadata().getLabels())
        .containsEntry("events.argoproj.io/sensor", "builder")
        .containsEntry("events.argoproj.io/trigger", "build")
        .containsKey("events.argoproj.io/action-timestamp");
    JsonNode spec = mapper.valueToTree(workflow.getAdditionalProperties().get("spec"));
    assertThat(spec.at("/arguments/parameters/0/value").asText()).isEqualTo("commit-42");
    assertThat(spec.at("/templates/0/container/args/0").asText())
        .isEqualTo("{{inputs.parameters.message}}");
  }

  private GenericKubernetesResource awaitWorkflow(String namespace) throws InterruptedException {
    List<GenericKubernetesResource> items =
        await("a Workflow created in namespace " + namespace)
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    client
                        .genericKubernetesResources(WORKFLOWS)
                        .inNamespace(namespace)
                        .list()
                        .getItems(),
                found -> !found.isEmpty());
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  /**
   * Waits until the counter reached {@code expected} (metrics are recorded after the trigger
   * answered).
   */
  static void awaitCounter(
      CaravanRuntime runtime, String name, String tag, String value, double expected)
      throws InterruptedException {
    try {
      await(name + "{" + tag + "=" + value + "} reaches " + expected)
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> counter(runtime, name, tag, value) >= expected);
    } catch (org.awaitility.core.ConditionTimeoutException timedOut) {
      // the assertion below names the value it found
    }
    assertThat(counter(runtime, name, tag, value))
        .as(name + "{" + tag + "=" + value + "}")
        .isEqualTo(expected);
  }

  static double counter(CaravanRuntime runtime, String name, String tag, String value) {
    return runtime.meterRegistry().find(name).tag(tag, value).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }
}
