package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.RecordingHttpReceiver;
import io.caravan.e2e.support.Webhook;
import io.caravan.routes.runtime.CaravanRuntime;
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
 * SNS notifications: one whose {@code Subject} passes the event-source filter crosses a real
 * JetStream bus to a Sensor whose http trigger reaches a real HTTP receiver once; another is
 * dropped by the filter and a malformed body is refused. (Subscription and signatures run against
 * WireMock in {@code SnsProviderTest}.)
 */
class SnsToHttpE2ETest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

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
        Caravan.manifests("manifests/sns-deploys-eventsource.yaml")
            .with("PORT", port)
            .bus(NATS.url())
            .start();
    sensor =
        Caravan.manifests("manifests/sns-deploys-sensor.yaml")
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
  }

  private HttpResponse<String> deliver(String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sns"))
            .header("Content-Type", "text/plain; charset=UTF-8")
            .header("X-Amz-Sns-Message-Type", "Notification")
            .POST(BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
  }

  private static String notification(String subject, String message) {
    return "{\"Type\":\"Notification\",\"MessageId\":\"m-"
        + subject
        + "\","
        + "\"TopicArn\":\"arn:aws:sns:us-east-1:123456789012:deploys\",\"Subject\":\""
        + subject
        + "\",\"Message\":\""
        + message
        + "\"}";
  }

  @Test
  void aDeployNotificationTriggersOnce() throws Exception {
    assertThat(deliver("{\"Type\":").statusCode()).isEqualTo(400);
    assertThat(deliver(notification("audit", "ignored")).statusCode()).isEqualTo(200);
    HttpResponse<String> deploy = deliver(notification("deploy", "web v2"));
    assertThat(deploy.statusCode()).isEqualTo(200);
    assertThat(deploy.body()).isEmpty();

    List<RecordingHttpReceiver.Request> deploys =
        receiver.awaitRequests(1, Duration.ofSeconds(20), r -> true);
    assertThat(deploys).hasSize(1);
    assertThat(mapper.readTree(deploys.get(0).body()))
        .isEqualTo(
            mapper.readTree("{\"message\":\"web v2\",\"type\":\"Notification\",\"team\":\"ops\"}"));
    WebhookToTriggerE2ETest.awaitCounter(
        source, "argo_events_events_sent", "eventsource_name", "aws-events", 1);
    assertThat(receiver.requests()).hasSize(1);
  }
}
