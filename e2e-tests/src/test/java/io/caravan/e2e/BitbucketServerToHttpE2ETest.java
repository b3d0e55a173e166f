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
 * A signed Bitbucket Server {@code repo:refs_changed} push with {@code oneEventPerChange}: one
 * event per change crosses a real JetStream bus to a Sensor whose filter keeps the branch changes,
 * and its http trigger reaches a real HTTP receiver once per branch.
 */
class BitbucketServerToHttpE2ETest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  private static final String SECRET = "e2e-hook-secret";
  private static final String PUSH =
      """
      {"eventKey":"repo:refs_changed","repository":{"slug":"checkout","project":{"key":"SHOP"}},
       "changes":[
        {"ref":{"id":"refs/heads/main","displayId":"main","type":"BRANCH"},"toHash":"c0ffee1","type":"UPDATE"},
        {"ref":{"id":"refs/tags/v2","displayId":"v2","type":"TAG"},"toHash":"c0ffee2","type":"ADD"},
        {"ref":{"id":"refs/heads/fix","displayId":"fix","type":"BRANCH"},"toHash":"c0ffee3","type":"ADD"}
       ]}""";

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
        Caravan.manifests("manifests/bitbucketserver-pushes-eventsource.yaml")
            .with("PORT", port)
            .bus(NATS.url())
            .secrets(new MapSecretStore().putSecret("bitbucket", "hook-secret", SECRET))
            .start();
    sensor =
        Caravan.manifests("manifests/bitbucketserver-pushes-sensor.yaml")
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

  private HttpResponse<String> push(String signature) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/bitbucket"))
            .header("Content-Type", "application/json")
            .header("X-Event-Key", "repo:refs_changed")
            .header("X-Hub-Signature", signature)
            .POST(BodyPublishers.ofString(PUSH))
            .build();
    return HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
  }

  @Test
  void eachBranchChangeOfASignedPushTriggersOneBuild() throws Exception {
    HttpResponse<String> forged = push("sha256=" + "0".repeat(64));
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).endsWith("hmac verification failed");

    HttpResponse<String> signed = push(sign(PUSH));
    assertThat(signed.statusCode()).isEqualTo(200);
    assertThat(signed.body()).isEqualTo("success");

    List<RecordingHttpReceiver.Request> builds =
        receiver.awaitRequests(2, Duration.ofSeconds(20), r -> true);
    assertThat(builds).hasSize(2);
    List<String> payloads = new java.util.ArrayList<>();
    for (RecordingHttpReceiver.Request build : builds) {
      assertThat(build.path()).isEqualTo("/builds");
      payloads.add(mapper.readTree(build.body()).toString());
    }
    assertThat(payloads)
        .containsExactlyInAnyOrder(
            "{\"branch\":\"main\",\"commit\":\"c0ffee1\",\"event\":\"repo:refs_changed\",\"team\":\"shop\"}",
            "{\"branch\":\"fix\",\"commit\":\"c0ffee3\",\"event\":\"repo:refs_changed\",\"team\":\"shop\"}");
    WebhookToTriggerE2ETest.awaitCounter(
        source, "argo_events_events_sent", "eventsource_name", "bitbucket", 3);
  }

  private static String sign(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
