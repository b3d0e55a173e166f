package io.caravan.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.RecordingHttpReceiver;
import io.caravan.e2e.support.Webhook;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.testing.NatsServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A gerrit EventSource registers its webhooks-plugin remote on a WireMock Gerrit, Gerrit's events
 * cross a real JetStream bus to a Sensor that keeps {@code change-merged} only, its http trigger
 * reaches a real receiver, and the remote is deleted when the source stops.
 */
class GerritToHttpE2ETest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  private static final String REMOTES =
      "/a/config/server/webhooks~projects/platform%2Fdeploy/remotes/";

  private final ObjectMapper mapper = new ObjectMapper();
  private final WireMockServer gerrit =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private RecordingHttpReceiver receiver;
  private CaravanRuntime source;
  private CaravanRuntime sensor;
  private int port;

  @BeforeEach
  void start() throws Exception {
    gerrit.start();
    gerrit.stubFor(get(urlPathEqualTo(REMOTES)).willReturn(gerritJson("{}")));
    gerrit.stubFor(put(urlPathEqualTo(REMOTES + "caravan-reviews/")).willReturn(gerritJson("{}")));
    gerrit.stubFor(
        delete(urlPathEqualTo(REMOTES + "caravan-reviews/"))
            .willReturn(aResponse().withStatus(204)));
    receiver = new RecordingHttpReceiver();
    port = Webhook.freePort();
    source =
        Caravan.manifests("manifests/gerrit-reviews-eventsource.yaml")
            .with("PORT", port)
            .with("GERRIT", gerrit.baseUrl())
            .bus(NATS.url())
            .secrets(
                new MapSecretStore()
                    .putSecret("gerrit-api", "user", "caravan")
                    .putSecret("gerrit-api", "http-password", "pa55"))
            .start();
    sensor =
        Caravan.manifests("manifests/gerrit-reviews-sensor.yaml")
            .with("RECEIVER", receiver.url("/deploys"))
            .bus(NATS.url())
            .start();
  }

  @AfterEach
  void stop() {
    if (sensor != null) {
      sensor.close();
    }
    if (source != null) {
      source.close();
    }
    receiver.close();
    gerrit.stop();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder gerritJson(
      String json) {
    return aResponse().withStatus(200).withBody(")]}'\n" + json);
  }

  private HttpResponse<String> post(String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/gerrit"))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
  }

  @Test
  void aMergedChangeTriggersOneDeployAndTheHookIsRemovedOnStop() throws Exception {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                gerrit.verify(
                    putRequestedFor(urlPathEqualTo(REMOTES + "caravan-reviews/"))
                        .withRequestBody(
                            equalToJson(
                                "{\"url\":\"https://events.example.com/gerrit\","
                                    + "\"events\":[\"patchset-created\",\"change-merged\"]}"))));

    assertThat(
            post("{\"type\":\"patchset-created\",\"change\":{\"project\":\"platform/deploy\",\"number\":7}}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> merged =
        post(
            "{\"type\":\"change-merged\",\"change\":{\"project\":\"platform/deploy\",\"number\":7}}");
    assertThat(merged.statusCode()).isEqualTo(200);
    assertThat(merged.body()).isEqualTo("success");
    assertThat(post("not json").statusCode()).isEqualTo(400);

    List<RecordingHttpReceiver.Request> deploys =
        receiver.awaitRequests(1, Duration.ofSeconds(20), r -> true);
    assertThat(deploys).hasSize(1);
    // Argo's payload parameters are strings unless useRawData is set
    assertThat(mapper.readTree(deploys.get(0).body()).toString())
        .isEqualTo("{\"project\":\"platform/deploy\",\"change\":\"7\",\"team\":\"platform\"}");
    WebhookToTriggerE2ETest.awaitCounter(
        source, "argo_events_events_sent", "eventsource_name", "gerrit", 2);

    source.close();
    source = null;
    gerrit.verify(1, deleteRequestedFor(urlPathEqualTo(REMOTES + "caravan-reviews/")));
  }
}
