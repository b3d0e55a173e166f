package io.caravan.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
 * A gitlab EventSource with managed hooks against WireMock standing in for the GitLab API: the
 * project hook is added at start and deleted at stop; a merge-request delivery with the right
 * {@code X-Gitlab-Token} crosses a real JetStream bus to a Sensor whose http trigger reaches a real
 * HTTP receiver, a delivery with a wrong token is refused.
 */
class GitlabToHttpE2ETest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  private static final String HOOKS = "/api/v4/projects/platform%2Fcheckout/hooks";
  private static final String TOKEN = "e2e-gitlab-token";
  private static final String MERGE_REQUEST =
      """
      {"object_kind":"merge_request","project":{"path_with_namespace":"platform/checkout"},
       "object_attributes":{"iid":17,"action":"open"}}""";

  private final ObjectMapper mapper = new ObjectMapper();
  private WireMockServer gitlab;
  private RecordingHttpReceiver receiver;
  private CaravanRuntime source;
  private CaravanRuntime sensor;
  private int port;

  @BeforeEach
  void start() throws Exception {
    gitlab = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    gitlab.start();
    gitlab.stubFor(get(urlPathEqualTo(HOOKS)).willReturn(okJson("[]")));
    gitlab.stubFor(post(urlPathEqualTo(HOOKS)).willReturn(okJson("{\"id\":31}")));
    gitlab.stubFor(delete(urlPathEqualTo(HOOKS + "/31")).willReturn(aResponse().withStatus(204)));
    receiver = new RecordingHttpReceiver();
    port = Webhook.freePort();
    source =
        Caravan.manifests("manifests/gitlab-merge-requests-eventsource.yaml")
            .with("PORT", port)
            .with("GITLAB", gitlab.baseUrl())
            .bus(NATS.url())
            .secrets(
                new MapSecretStore()
                    .putSecret("gitlab", "api-token", "e2e-api-token")
                    .putSecret("gitlab", "hook-token", TOKEN))
            .start();
    sensor =
        Caravan.manifests("manifests/gitlab-merge-requests-sensor.yaml")
            .with("RECEIVER", receiver.url("/reviews"))
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
    gitlab.stop();
  }

  private HttpResponse<String> deliver(String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/gitlab"))
            .header("Content-Type", "application/json")
            .header("X-Gitlab-Event", "Merge Request Hook")
            .header("X-Gitlab-Token", token)
            .POST(BodyPublishers.ofString(MERGE_REQUEST))
            .build();
    return HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
  }

  @Test
  void theHookIsManagedAndATokenCheckedMergeRequestTriggersOneReview() throws Exception {
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                gitlab.verify(
                    postRequestedFor(urlPathEqualTo(HOOKS))
                        .withHeader("PRIVATE-TOKEN", equalTo("e2e-api-token"))
                        .withRequestBody(
                            equalToJson(
                                "{\"url\":\"https://events.acme.example/gitlab\","
                                    + "\"merge_requests_events\":true,\"push_events\":false,"
                                    + "\"token\":\""
                                    + TOKEN
                                    + "\"}",
                                true,
                                true))));

    HttpResponse<String> forged = deliver("guess");
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).isEqualTo("token mismatch");
    HttpResponse<String> delivered = deliver(TOKEN);
    assertThat(delivered.statusCode()).isEqualTo(200);
    assertThat(delivered.body()).isEqualTo("success");

    List<RecordingHttpReceiver.Request> reviews =
        receiver.awaitRequests(1, Duration.ofSeconds(20), r -> true);
    assertThat(reviews).hasSize(1);
    assertThat(reviews.get(0).path()).isEqualTo("/reviews");
    assertThat(mapper.readTree(reviews.get(0).body()))
        .isEqualTo(
            mapper.readTree(
                """
                {"project":"platform/checkout","mergeRequest":"17",
                 "event":"Merge Request Hook","team":"platform"}"""));
    WebhookToTriggerE2ETest.awaitCounter(
        source, "argo_events_events_sent", "eventsource_name", "gitlab", 1);

    source.close();
    source = null;
    gitlab.verify(1, deleteRequestedFor(urlPathEqualTo(HOOKS + "/31")));
  }
}
