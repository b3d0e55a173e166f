package io.caravan.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.caravan.e2e.WebhookToTriggerE2ETest.WORKFLOWS;
import static io.caravan.e2e.WebhookToTriggerE2ETest.awaitCounter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.Webhook;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.testing.NatsServerExtension;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * examples/alert-remediation as written, over a real JetStream: an Alertmanager notification
 * creates the remediation Workflow on the fabric8 mock API server (CRUD mode) and posts to a
 * WireMock Slack; resolved notifications and other alerts do nothing.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class AlertRemediationExampleE2ETest {
  private static final Path EXAMPLE =
      Path.of(System.getProperty("caravan.repo.dir", ".."), "examples", "alert-remediation");

  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  static KubernetesClient client;
  static KubernetesMockServer server;

  private final ObjectMapper mapper = new ObjectMapper();
  private final WireMockServer slack =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private CaravanRuntime runtime;
  private int port;

  @BeforeEach
  void start() throws Exception {
    slack.start();
    slack.stubFor(
        post(urlEqualTo("/api/chat.postMessage"))
            .willReturn(
                okJson("{\"ok\":true,\"channel\":\"C0ONCALL\",\"ts\":\"1764800000.000200\"}")));
    port = Webhook.freePort();
    runtime =
        Caravan.manifests(
                "file:" + EXAMPLE.resolve("eventsource.yaml"),
                "file:" + EXAMPLE.resolve("sensor.yaml"))
            .bus(NATS.url())
            .kubernetes(client)
            .secrets(new MapSecretStore().putSecret("slack-bot", "token", "xoxb-e2e"))
            .camelProperty("caravan.slack.apiUrl", slack.baseUrl() + "/api")
            .start(text -> text.replace("\"12000\"", "\"" + port + "\""));
  }

  @AfterEach
  void stop() {
    runtime.close();
    slack.stop();
  }

  @Test
  void aCriticalCrashLoopAlertCreatesTheRemediationWorkflowAndTellsSlack() throws Exception {
    String alert = Files.readString(EXAMPLE.resolve("alert.json"));
    String url = "http://127.0.0.1:" + port + "/alerts";
    assertThat(Webhook.post(url, alert.replace("\"firing\"", "\"resolved\"")))
        .isEqualTo(new Webhook.Answer(200, "success"));
    assertThat(Webhook.post(url, alert.replace("\"critical\"", "\"warning\"")).status())
        .isEqualTo(200);
    assertThat(Webhook.post(url, alert)).isEqualTo(new Webhook.Answer(200, "success"));

    GenericKubernetesResource workflow = awaitWorkflows("ops", 1).get(0);
    assertThat(workflow.getMetadata().getName()).startsWith("remediate-crash-loop-");
    assertThat(workflow.getMetadata().getLabels())
        .containsEntry("events.argoproj.io/sensor", "alert-remediation")
        .containsEntry("events.argoproj.io/trigger", "restart-deployment");
    JsonNode spec = mapper.valueToTree(workflow.getAdditionalProperties().get("spec"));
    assertThat(spec.at("/arguments/parameters/0/value").asText()).isEqualTo("shop");
    assertThat(spec.at("/arguments/parameters/1/value").asText()).isEqualTo("checkout");
    assertThat(spec.at("/templates/0/container/args/2").asText())
        .isEqualTo("deployment/{{inputs.parameters.deployment}}");

    awaitCounter(runtime, "argo_events_action_triggered", "trigger_name", "tell-oncall", 1);
    slack.verify(
        1,
        postRequestedFor(urlEqualTo("/api/chat.postMessage"))
            .withHeader("Authorization", equalTo("Bearer xoxb-e2e"))
            .withRequestBody(matchingJsonPath("$.channel", equalTo("C0ONCALL")))
            .withRequestBody(matchingJsonPath("$.username", equalTo("remediation-bot")))
            .withRequestBody(
                matchingJsonPath(
                    "$.text",
                    equalTo(
                        "Restarting deployment checkout in shop: checkout-7d9f-x2 restarted 5 times in 10 minutes"))));
    assertThat(awaitWorkflows("ops", 1)).hasSize(1);
  }

  static List<GenericKubernetesResource> awaitWorkflows(String namespace, int atLeast)
      throws InterruptedException {
    return await(atLeast + " Workflows in " + namespace)
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client
                    .genericKubernetesResources(WORKFLOWS)
                    .inNamespace(namespace)
                    .list()
                    .getItems(),
            items -> items.size() >= atLeast);
  }
}
