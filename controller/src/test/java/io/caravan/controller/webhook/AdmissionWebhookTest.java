package io.caravan.controller.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.controller.MockCluster;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** AdmissionReview JSON in, allowed/denied out, over real HTTPS with the generated certificates. */
class AdmissionWebhookTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  static WebhookCertificates certificates;
  static WebhookServer server;
  static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    certificates = WebhookCertificates.generate(List.of("localhost"));
    server = new WebhookServer(0, certificates).start();
    client = HttpClient.newBuilder().sslContext(certificates.clientContext()).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private JsonNode review(String operation, String objectYaml, String oldYaml) throws Exception {
    ObjectNode review = JSON.createObjectNode();
    review.put("apiVersion", "admission.k8s.io/v1");
    review.put("kind", "AdmissionReview");
    ObjectNode request = review.putObject("request");
    request.put("uid", "705ab4f5-6393-11e8-b7cc-42010a800002");
    request.put("operation", operation);
    request.set("object", new YAMLMapper().readTree(objectYaml));
    if (oldYaml != null) {
      request.set("oldObject", new YAMLMapper().readTree(oldYaml));
    }
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/validate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(review)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.path("kind").asText()).isEqualTo("AdmissionReview");
    assertThat(answer.path("response").path("uid").asText())
        .isEqualTo("705ab4f5-6393-11e8-b7cc-42010a800002");
    return answer.path("response");
  }

  @Test
  void allowsAValidEventSource() throws Exception {
    JsonNode response =
        review(
            "CREATE",
            """
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata: {name: hooks, namespace: ns}
        spec:
          webhook:
            example: {port: "12000", endpoint: /example, method: POST}
        """,
            null);
    assertThat(response.path("allowed").asBoolean()).isTrue();
  }

  @Test
  void deniesAnInvalidSensorWithTheFieldPath() throws Exception {
    JsonNode response =
        review(
            "CREATE",
            """
        apiVersion: argoproj.io/v1alpha1
        kind: Sensor
        metadata: {name: bad, namespace: ns}
        spec:
          dependencies:
            - {name: dep, eventSourceName: hooks, eventName: example}
          triggers:
            - template:
                name: call
                http: {url: "http://x", method: FETCH}
        """,
            null);
    assertThat(response.path("allowed").asBoolean()).isFalse();
    assertThat(response.path("status").path("code").asInt()).isEqualTo(400);
    assertThat(response.path("status").path("message").asText())
        .contains("spec.triggers[0].template.http.method");
  }

  @Test
  void deniesAnUnsupportedBusAndAStreamConfigChange() throws Exception {
    JsonNode kafka =
        review(
            "CREATE",
            """
        apiVersion: argoproj.io/v1alpha1
        kind: EventBus
        metadata: {name: default, namespace: ns}
        spec:
          kafka: {url: "kafka:9092", sasl: {mechanism: PLAIN}}
        """,
            null);
    assertThat(kafka.path("allowed").asBoolean()).isFalse();
    assertThat(kafka.path("status").path("message").asText())
        .startsWith("spec.kafka.sasl: unsupported:");

    String before =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: EventBus
        metadata: {name: default, namespace: ns, generation: 1}
        spec:
          jetstream: {version: latest, streamConfig: "maxAge: 24h"}
        """;
    JsonNode changed =
        review(
            "UPDATE",
            before.replace("generation: 1", "generation: 2").replace("24h", "48h"),
            before);
    assertThat(changed.path("allowed").asBoolean()).isFalse();
    assertThat(changed.path("status").path("message").asText())
        .contains("spec.jetstream.streamConfig: cannot be changed");
  }

  @Test
  void allowsDeleteAndUpdatesWithoutANewGeneration() throws Exception {
    String invalid =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Sensor
        metadata: {name: old, namespace: ns, generation: 3}
        spec: {dependencies: [], triggers: []}
        """;
    assertThat(review("DELETE", invalid, null).path("allowed").asBoolean()).isTrue();
    assertThat(review("UPDATE", invalid, invalid).path("allowed").asBoolean()).isTrue();
    assertThat(review("CREATE", invalid, null).path("allowed").asBoolean()).isFalse();
  }

  @Test
  void generatedCertificatesAreKeptInASecretForEveryReplica(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    var cluster = MockCluster.shared().client();
    String ns = MockCluster.shared().namespace("webhook");
    CertificateSecret store = new CertificateSecret(cluster);
    WebhookCertificates first =
        store.loadOrCreate(
            ns,
            "caravan-webhook-certs",
            List.of("caravan-webhook." + ns + ".svc", "localhost"),
            dir.resolve("a"));
    WebhookCertificates second =
        store.loadOrCreate(
            ns,
            "caravan-webhook-certs",
            List.of("caravan-webhook." + ns + ".svc", "localhost"),
            dir.resolve("b"));
    assertThat(second.caBundle()).isEqualTo(first.caBundle());
    assertThat(cluster.secrets().inNamespace(ns).withName("caravan-webhook-certs").get().getData())
        .containsKeys("tls.crt", "tls.key", "ca.crt");
    // The certificate read back serves HTTPS that a client trusting the first CA accepts.
    try (WebhookServer replica = new WebhookServer(0, second).start()) {
      HttpResponse<String> health =
          HttpClient.newBuilder()
              .sslContext(first.clientContext())
              .build()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("https://localhost:" + replica.port() + "/healthz"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void patchesTheCaBundleIntoTheWebhookConfiguration() {
    var cluster = MockCluster.shared().client();
    ValidatingWebhookConfiguration configuration =
        new ValidatingWebhookConfigurationBuilder()
            .withNewMetadata()
            .withName("caravan-webhook-test")
            .endMetadata()
            .addNewWebhook()
            .withName("validate.caravan.io")
            .withNewClientConfig()
            .withNewService()
            .withName("caravan-webhook")
            .withNamespace("caravan")
            .withPath("/validate")
            .endService()
            .endClientConfig()
            .withAdmissionReviewVersions("v1")
            .withSideEffects("None")
            .endWebhook()
            .build();
    cluster.resource(configuration).create();
    assertThat(new CaBundlePatcher(cluster).patch("caravan-webhook-test", certificates.caBundle()))
        .isTrue();
    assertThat(
            cluster
                .admissionRegistration()
                .v1()
                .validatingWebhookConfigurations()
                .withName("caravan-webhook-test")
                .get()
                .getWebhooks()
                .get(0)
                .getClientConfig()
                .getCaBundle())
        .isEqualTo(certificates.caBundle());
    assertThat(new CaBundlePatcher(cluster).patch("missing", certificates.caBundle())).isFalse();
  }
}
