package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A GitHub push signed with {@code X-Hub-Signature-256} crosses a real JetStream bus to a Sensor
 * that filters on the {@code X-GitHub-Event} value Argo puts into the body, and its http trigger
 * reaches a real HTTP receiver; a forged or a {@code ping} delivery triggers nothing.
 */
class GithubToHttpE2ETest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  private static final String SECRET = "e2e-github-secret";
  private static final String PUSH =
      """
      {"ref":"refs/heads/main","after":"c0ffee1","repository":{"full_name":"acme/shop"}}""";

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
        Caravan.manifests("manifests/github-pushes-eventsource.yaml")
            .with("PORT", port)
            .bus(NATS.url())
            .secrets(new MapSecretStore().putSecret("github", "hook-secret", SECRET))
            .start();
    sensor =
        Caravan.manifests("manifests/github-pushes-sensor.yaml")
            .with("RECEIVER", receiver.url("/builds"))
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
  }

  private HttpResponse<String> deliver(String event, String delivery, String body, String signature)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/github"))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", event)
            .header("X-GitHub-Delivery", delivery)
            .header("X-Hub-Signature-256", signature)
            .POST(BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
  }

  @Test
  void aSignedPushTriggersOneBuild() throws Exception {
    HttpResponse<String> forged = deliver("push", "d-0", PUSH, "sha256=" + "0".repeat(64));
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).isEqualTo("payload signature check failed");

    String ping = "{\"zen\":\"Design for failure.\"}";
    assertThat(deliver("ping", "d-1", ping, sign(ping)).statusCode()).isEqualTo(200);
    HttpResponse<String> signed = deliver("push", "d-2", PUSH, sign(PUSH));
    assertThat(signed.statusCode()).isEqualTo(200);
    assertThat(signed.body()).isEqualTo("success");

    List<RecordingHttpReceiver.Request> builds =
        receiver.awaitRequests(1, Duration.ofSeconds(20), r -> true);
    assertThat(builds).hasSize(1);
    assertThat(builds.get(0).path()).isEqualTo("/builds");
    assertThat(mapper.readTree(builds.get(0).body()))
        .isEqualTo(
            mapper.readTree(
                """
                {"repository":"acme/shop","commit":"c0ffee1","delivery":"d-2","team":"shop"}"""));
    WebhookToTriggerE2ETest.awaitCounter(
        source, "argo_events_events_sent", "eventsource_name", "github", 2);
  }

  private static String sign(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
