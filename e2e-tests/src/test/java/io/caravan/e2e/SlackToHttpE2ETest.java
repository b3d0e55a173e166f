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
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Slack app's signed requests: the URL verification is answered, a forged callback is refused,
 * and a signed {@code app_mention} crosses a real JetStream bus (the event-source filter drops a
 * {@code reaction_added}) to a Sensor whose http trigger reaches a real HTTP receiver.
 */
class SlackToHttpE2ETest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  private static final String SECRET = "e2e-slack-signing-secret";
  private static final String TOKEN = "e2e-verification-token";

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
        Caravan.manifests("manifests/slack-chatops-eventsource.yaml")
            .with("PORT", port)
            .bus(NATS.url())
            .secrets(
                new MapSecretStore()
                    .putSecret("slack-app", "signing-secret", SECRET)
                    .putSecret("slack-app", "verification-token", TOKEN))
            .start();
    sensor =
        Caravan.manifests("manifests/slack-chatops-sensor.yaml")
            .with("RECEIVER", receiver.url("/deploy"))
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

  private HttpResponse<String> post(String body, String secret) throws Exception {
    String ts = Long.toString(Instant.now().getEpochSecond());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack"))
            .header("Content-Type", "application/json")
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", "v0=" + sign(secret, ts, body))
            .POST(BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
  }

  private static String callback(String event) {
    return "{\"token\":\"" + TOKEN + "\",\"type\":\"event_callback\",\"event\":" + event + "}";
  }

  @Test
  void aSignedMentionTriggersTheDeployOnce() throws Exception {
    HttpResponse<String> verification =
        post(
            "{\"token\":\""
                + TOKEN
                + "\",\"challenge\":\"ch4llenge\",\"type\":\"url_verification\"}",
            SECRET);
    assertThat(verification.statusCode()).isEqualTo(200);
    assertThat(verification.body()).isEqualTo("ch4llenge");

    String mention =
        callback("{\"type\":\"app_mention\",\"text\":\"deploy web\",\"channel\":\"C0OPS\"}");
    HttpResponse<String> forged = post(mention, "not-the-secret");
    assertThat(forged.statusCode()).isEqualTo(401);

    HttpResponse<String> reaction =
        post(callback("{\"type\":\"reaction_added\",\"reaction\":\"+1\"}"), SECRET);
    assertThat(reaction.statusCode()).isEqualTo(200);
    HttpResponse<String> signed = post(mention, SECRET);
    assertThat(signed.statusCode()).isEqualTo(200);
    assertThat(signed.body()).isEqualTo("success");

    List<RecordingHttpReceiver.Request> deploys =
        receiver.awaitRequests(1, Duration.ofSeconds(20), r -> true);
    assertThat(deploys).hasSize(1);
    assertThat(mapper.readTree(deploys.get(0).body()))
        .isEqualTo(mapper.readTree("{\"channel\":\"C0OPS\",\"text\":\"deploy web\"}"));
    WebhookToTriggerE2ETest.awaitCounter(
        source, "argo_events_events_sent", "eventsource_name", "chatops", 1);
    assertThat(receiver.requests()).hasSize(1);
  }

  private static String sign(String secret, String ts, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of()
        .formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
  }
}
