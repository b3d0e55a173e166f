package io.caravan.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * StorageGRID: the endpoint and bucket notification are registered on a WireMock management API,
 * and a URL-encoded notification whose key passes the prefix filter crosses a real JetStream bus to
 * a Sensor whose http trigger reaches a real HTTP receiver once (another key is dropped).
 */
class StorageGridToHttpE2ETest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  private final ObjectMapper mapper = new ObjectMapper();
  private final WireMockServer grid =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private RecordingHttpReceiver receiver;
  private CaravanRuntime source;
  private CaravanRuntime sensor;
  private int port;

  @BeforeEach
  void start() throws Exception {
    grid.start();
    grid.stubFor(get(urlPathEqualTo("/api/v3/org/endpoints")).willReturn(okJson("{\"data\":[]}")));
    grid.stubFor(post(urlPathEqualTo("/api/v3/org/endpoints")).willReturn(okJson("{}")));
    grid.stubFor(
        put(urlPathEqualTo("/api/v3/org/containers/uploads/notification"))
            .willReturn(okJson("{}")));
    receiver = new RecordingHttpReceiver();
    port = Webhook.freePort();
    source =
        Caravan.manifests("manifests/storagegrid-uploads-eventsource.yaml")
            .with("PORT", port)
            .with("GRID_API", grid.baseUrl() + "/api/v3")
            .bus(NATS.url())
            .secrets(new MapSecretStore().putSecret("storagegrid", "api-token", "t0k"))
            .start();
    sensor =
        Caravan.manifests("manifests/storagegrid-uploads-sensor.yaml")
            .with("RECEIVER", receiver.url("/imports"))
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
    grid.stop();
  }

  private HttpResponse<String> notify(String key) throws Exception {
    String message =
        "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"object\":{\"key\":\""
            + key
            + "\"}}}]}";
    String form =
        "Action=Publish&Message="
            + URLEncoder.encode(message, StandardCharsets.UTF_8)
            + "&TopicArn=urn%3Asgws%3Asns%3Aus-east-1%3Auploads&Version=2010-03-31";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/storagegrid"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(form))
            .build();
    return HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
  }

  @Test
  void aRegisteredBucketsUploadTriggersOneImport() throws Exception {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                grid.verify(
                    putRequestedFor(
                        urlPathEqualTo("/api/v3/org/containers/uploads/notification"))));
    assertThat(notify("archive/old.csv").statusCode()).isEqualTo(200);
    HttpResponse<String> upload = notify("incoming/sales.csv");
    assertThat(upload.statusCode()).isEqualTo(200);
    assertThat(upload.body()).contains("<PublishResponse");

    List<RecordingHttpReceiver.Request> imports =
        receiver.awaitRequests(1, Duration.ofSeconds(20), r -> true);
    assertThat(imports).hasSize(1);
    assertThat(mapper.readTree(imports.get(0).body()))
        .isEqualTo(mapper.readTree("{\"key\":\"incoming/sales.csv\",\"team\":\"data\"}"));
    WebhookToTriggerE2ETest.awaitCounter(
        source, "argo_events_events_sent", "eventsource_name", "object-store", 1);
    assertThat(receiver.requests()).hasSize(1);
  }
}
