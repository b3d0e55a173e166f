package io.caravan.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
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
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * examples/git-push-build as `caravan run` runs it (in-memory bus), with a fake Kubernetes API
 * server (fabric8 CRUD mock) and a fake Argo CD (WireMock): a push to main submits the build
 * Workflow from the WorkflowTemplate; the build's success report makes the Sensor call Argo CD's
 * sync API with the bearer token.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class GitPushBuildExampleE2ETest {
  private static final Path EXAMPLE =
      Path.of(System.getProperty("caravan.repo.dir", ".."), "examples", "git-push-build");
  private static final ResourceDefinitionContext WORKFLOWS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("Workflow")
          .withPlural("workflows")
          .withNamespaced(true)
          .build();
  private static final String COMMIT = "4f2c9e1d7a0b3c5e8f9a1b2c3d4e5f6a7b8c9d0e";

  static KubernetesClient client;

  private final ObjectMapper mapper = new ObjectMapper();
  private WireMockServer argoCd;

  @BeforeEach
  void startArgoCd() {
    argoCd = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    argoCd.start();
    argoCd.stubFor(
        post(urlEqualTo("/api/v1/applications/shop/sync"))
            .willReturn(okJson("{\"metadata\":{\"name\":\"shop\"}}")));
  }

  @AfterEach
  void stopArgoCd() {
    argoCd.stop();
  }

  @Test
  void aPushToMainBuildsThenTheSuccessfulBuildSyncsTheApplication() throws Exception {
    int port = Webhook.freePort();
    Caravan example =
        Caravan.manifests(
                "file:" + EXAMPLE.resolve("eventsource.yaml"),
                "file:" + EXAMPLE.resolve("sensor.yaml"))
            .kubernetes(client)
            .secrets(
                new MapSecretStore()
                    .putSecret("argocd-token", "authorization", "Bearer e2e-token"));
    try (CaravanRuntime runtime =
        example.start(
            text ->
                text.replace("\"12000\"", "\"" + port + "\"")
                    .replace("https://argocd.example.com", argoCd.baseUrl()))) {
      String base = "http://127.0.0.1:" + port;

      assertThat(Webhook.post(base + "/push", push("refs/heads/feature/x", "0000000")))
          .isEqualTo(new Webhook.Answer(200, "success"));
      assertThat(Webhook.post(base + "/push", push("refs/heads/main", COMMIT)).status())
          .isEqualTo(200);

      GenericKubernetesResource workflow = awaitWorkflow();
      JsonNode json = mapper.valueToTree(workflow);
      assertThat(json.at("/metadata/namespace").asText()).isEqualTo("ci");
      assertThat(json.at("/metadata/generateName").asText()).isEqualTo("shop-build-");
      assertThat(json.at("/spec/workflowTemplateRef/name").asText()).isEqualTo("build-and-test");
      assertThat(json.at("/spec/arguments/parameters/0/value").asText())
          .isEqualTo("https://github.com/example/shop.git");
      assertThat(json.at("/spec/arguments/parameters/1/value").asText()).isEqualTo(COMMIT);
      assertThat(workflow.getMetadata().getLabels())
          .containsEntry("events.argoproj.io/sensor", "git-push-build")
          .containsEntry("events.argoproj.io/trigger", "build")
          .containsKey("events.argoproj.io/action-timestamp");
      awaitCounter(runtime, "argo_events_action_triggered", "trigger_name", "build", 1);
      assertThat(argoCd.getAllServeEvents()).as("no sync before the build finished").isEmpty();

      assertThat(
              Webhook.post(
                      base + "/build-finished",
                      "{\"phase\":\"Failed\",\"revision\":\"" + COMMIT + "\"}")
                  .status())
          .isEqualTo(200);
      assertThat(
              Webhook.post(
                      base + "/build-finished",
                      "{\"phase\":\"Succeeded\",\"revision\":\"" + COMMIT + "\"}")
                  .status())
          .isEqualTo(200);

      awaitCounter(runtime, "argo_events_action_triggered", "trigger_name", "sync-shop", 1);
      argoCd.verify(
          1,
          postRequestedFor(urlEqualTo("/api/v1/applications/shop/sync"))
              .withHeader("Authorization", equalTo("Bearer e2e-token"))
              .withHeader("Content-Type", equalTo("application/json"))
              .withRequestBody(equalToJson("{\"revision\":\"" + COMMIT + "\"}")));
      assertThat(client.genericKubernetesResources(WORKFLOWS).inAnyNamespace().list().getItems())
          .hasSize(1);
    }
  }

  private static String push(String ref, String after) {
    return """
        {"ref":"%s","before":"0000000000000000000000000000000000000000","after":"%s",
         "repository":{"full_name":"example/shop","clone_url":"https://github.com/example/shop.git"},
         "pusher":{"name":"ada"},"head_commit":{"id":"%s","message":"Fix the cart"}}
        """
        .formatted(ref, after, after);
  }

  private GenericKubernetesResource awaitWorkflow() throws InterruptedException {
    List<GenericKubernetesResource> items =
        await("a Workflow submitted")
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    client.genericKubernetesResources(WORKFLOWS).inAnyNamespace().list().getItems(),
                found -> !found.isEmpty());
    assertThat(items).hasSize(1);
    return items.get(0);
  }
}
