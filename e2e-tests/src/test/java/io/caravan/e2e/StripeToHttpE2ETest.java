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
 * Stripe deliveries with a signing secret (beyond Argo): a forged one is refused, a signed {@code
 * customer.created} is outside the {@code eventFilter}, and a signed {@code charge.succeeded}
 * crosses a real JetStream bus to a Sensor whose http trigger reaches a real HTTP receiver once.
 */
class StripeToHttpE2ETest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  private static final String SECRET = "whsec_e2e_signing";

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
        Caravan.manifests("manifests/stripe-payments-eventsource.yaml")
            .with("PORT", port)
            .bus(NATS.url())
            .secrets(new MapSecretStore().putSecret("stripe", "signing-secret", SECRET))
            .start();
    sensor =
        Caravan.manifests("manifests/stripe-payments-sensor.yaml")
            .with("RECEIVER", receiver.url("/receipts"))
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

  private HttpResponse<String> deliver(String body, String secret) throws Exception {
    String t = Long.toString(Instant.now().getEpochSecond());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stripe"))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Stripe-Signature", "t=" + t + ",v1=" + sign(secret, t, body))
            .POST(BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
  }

  private static String event(String type, String id) {
    return "{\"id\":\"evt_"
        + id
        + "\",\"object\":\"event\",\"type\":\""
        + type
        + "\","
        + "\"data\":{\"object\":{\"id\":\""
        + id
        + "\"}}}";
  }

  @Test
  void aSignedChargeTriggersOneReceipt() throws Exception {
    assertThat(deliver(event("charge.succeeded", "ch_forged"), "whsec_other").statusCode())
        .isEqualTo(400);
    HttpResponse<String> filtered = deliver(event("customer.created", "cus_1"), SECRET);
    assertThat(filtered.statusCode()).isEqualTo(400);
    assertThat(filtered.body()).isEqualTo("invalid event");
    HttpResponse<String> charge = deliver(event("charge.succeeded", "ch_1"), SECRET);
    assertThat(charge.statusCode()).isEqualTo(200);
    assertThat(charge.body()).isEqualTo("success");

    List<RecordingHttpReceiver.Request> receipts =
        receiver.awaitRequests(1, Duration.ofSeconds(20), r -> true);
    assertThat(receipts).hasSize(1);
    assertThat(mapper.readTree(receipts.get(0).body()))
        .isEqualTo(mapper.readTree("{\"charge\":\"ch_1\",\"team\":\"billing\"}"));
    WebhookToTriggerE2ETest.awaitCounter(
        source, "argo_events_events_sent", "eventsource_name", "payments", 1);
    assertThat(receiver.requests()).hasSize(1);
  }

  private static String sign(String secret, String t, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
  }
}
