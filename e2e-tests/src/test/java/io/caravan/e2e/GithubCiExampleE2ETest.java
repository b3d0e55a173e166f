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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.Webhook;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.support.secrets.MapSecretStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * examples/github-ci as `caravan run` runs it (in-memory bus), with WireMock standing in for the
 * Argo Server and Argo CD: a forged GitHub delivery is refused, a signed push to main submits the
 * Workflow from the WorkflowTemplate through the Argo Server with its token, and the build's
 * success report makes Argo CD sync the application at the built commit.
 */
class GithubCiExampleE2ETest {
  private static final Path EXAMPLE =
      Path.of(System.getProperty("caravan.repo.dir", ".."), "examples", "github-ci");
  private static final String SECRET = "e2e-github-ci-secret";
  private static final String COMMIT = "9b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c";

  private final ObjectMapper mapper = new ObjectMapper();
  private WireMockServer argo;

  @BeforeEach
  void startArgo() {
    argo = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    argo.start();
    argo.stubFor(
        post(urlEqualTo("/api/v1/workflows/ci"))
            .willReturn(okJson("{\"metadata\":{\"name\":\"shop-ci-x1\",\"namespace\":\"ci\"}}")));
    argo.stubFor(
        post(urlEqualTo("/api/v1/applications/shop/sync"))
            .willReturn(okJson("{\"metadata\":{\"name\":\"shop\"}}")));
  }

  @AfterEach
  void stopArgo() {
    argo.stop();
  }

  @Test
  void aSignedPushToMainBuildsThenTheSuccessfulBuildDeploys() throws Exception {
    int githubPort = Webhook.freePort();
    int buildsPort = Webhook.freePort();
    Caravan example =
        Caravan.manifests(
                "file:" + EXAMPLE.resolve("eventsource.yaml"),
                "file:" + EXAMPLE.resolve("sensor.yaml"))
            .secrets(
                new MapSecretStore()
                    .putSecret("github-webhook", "secret", SECRET)
                    .putSecret("argo-server-token", "token", "argo-t0ken")
                    .putSecret("argocd-token", "token", "cd-t0ken"));
    try (CaravanRuntime runtime =
        example.start(
            text ->
                text.replace("\"12000\"", "\"" + githubPort + "\"")
                    .replace("\"12001\"", "\"" + buildsPort + "\"")
                    .replace("https://argo-server.argo:2746", argo.baseUrl())
                    .replace("https://argocd.example.com", argo.baseUrl()))) {
      String github = "http://127.0.0.1:" + githubPort + "/push";

      HttpResponse<String> forged =
          deliver(github, "push", push("refs/heads/main"), "sha256=" + "0".repeat(64));
      assertThat(forged.statusCode()).isEqualTo(400);
      assertThat(forged.body()).isEqualTo("payload signature check failed");
      String feature = push("refs/heads/feature/x");
      assertThat(deliver(github, "push", feature, sign(feature)).statusCode()).isEqualTo(200);
      String main = push("refs/heads/main");
      HttpResponse<String> signed = deliver(github, "push", main, sign(main));
      assertThat(signed.statusCode()).isEqualTo(200);
      assertThat(signed.body()).isEqualTo("success");

      awaitCounter(runtime, "argo_events_action_triggered", "trigger_name", "build", 1);
      assertThat(argo.findAll(postRequestedFor(urlEqualTo("/api/v1/workflows/ci")))).hasSize(1);
      var submit = argo.findAll(postRequestedFor(urlEqualTo("/api/v1/workflows/ci"))).get(0);
      assertThat(submit.getHeader("Authorization")).isEqualTo("Bearer argo-t0ken");
      JsonNode workflow = mapper.readTree(submit.getBodyAsString()).get("workflow");
      assertThat(workflow.at("/metadata/generateName").asText()).isEqualTo("shop-ci-");
      assertThat(workflow.at("/spec/workflowTemplateRef/name").asText()).isEqualTo("shop-ci");
      assertThat(workflow.at("/spec/arguments/parameters/0/value").asText())
          .isEqualTo("https://github.com/acme/shop.git");
      assertThat(workflow.at("/spec/arguments/parameters/1/value").asText()).isEqualTo(COMMIT);
      assertThat(workflow.at("/metadata/labels/events.argoproj.io~1sensor").asText())
          .isEqualTo("github-ci");
      assertThat(argo.findAll(postRequestedFor(urlEqualTo("/api/v1/applications/shop/sync"))))
          .as("no deploy before the build finished")
          .isEmpty();

      String builds = "http://127.0.0.1:" + buildsPort + "/build-finished";
      assertThat(
              Webhook.post(builds, "{\"phase\":\"Failed\",\"revision\":\"" + COMMIT + "\"}")
                  .status())
          .isEqualTo(200);
      assertThat(
              Webhook.post(builds, "{\"phase\":\"Succeeded\",\"revision\":\"" + COMMIT + "\"}")
                  .status())
          .isEqualTo(200);

      awaitCounter(runtime, "argo_events_action_triggered", "trigger_name", "deploy", 1);
      argo.verify(
          1,
          postRequestedFor(urlEqualTo("/api/v1/applications/shop/sync"))
              .withHeader("Authorization", equalTo("Bearer cd-t0ken"))
              .withRequestBody(
                  equalToJson("{\"name\":\"shop\",\"revision\":\"" + COMMIT + "\"}", true, true)));
    }
  }

  private static HttpResponse<String> deliver(
      String url, String event, String body, String signature) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", event)
            .header("X-GitHub-Delivery", "d-" + body.hashCode())
            .header("X-Hub-Signature-256", signature)
            .POST(BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
  }

  private static String push(String ref) {
    return """
        {"ref":"%s","after":"%s",
         "repository":{"full_name":"acme/shop","clone_url":"https://github.com/acme/shop.git"},
         "pusher":{"name":"ada"}}"""
        .formatted(ref, COMMIT);
  }

  private static String sign(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
