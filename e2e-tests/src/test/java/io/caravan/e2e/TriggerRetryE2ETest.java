package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.RecordingHttpReceiver;
import io.caravan.e2e.support.Webhook;
import io.caravan.routes.runtime.CaravanRuntime;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * retryStrategy, http {@code policy.status.allow} and dlqTrigger from manifest to receiver
 * (in-memory bus): a refused request is retried with backoff, then the dlqTrigger fires.
 */
class TriggerRetryE2ETest {

  @Test
  void aRefusedTriggerIsRetriedWithBackoffThenTheDlqTriggerFires() throws Exception {
    int port = Webhook.freePort();
    try (RecordingHttpReceiver receiver = new RecordingHttpReceiver();
        CaravanRuntime runtime =
            Caravan.manifests(
                    "manifests/orders-eventsource.yaml", "manifests/retry-dlq-sensor.yaml")
                .with("PORT", port)
                .with("RECEIVER", receiver.url(""))
                .start()) {
      receiver.answerWith(503);
      long begin = System.nanoTime();
      assertThat(Webhook.post("http://127.0.0.1:" + port + "/orders", "{\"id\":\"o-7\"}").status())
          .isEqualTo(200);

      List<RecordingHttpReceiver.Request> dlq =
          receiver.awaitRequests(1, Duration.ofSeconds(20), r -> r.path().equals("/dlq"));
      long elapsedMillis = Duration.ofNanos(System.nanoTime() - begin).toMillis();
      assertThat(dlq.get(0).body()).contains("\"failed\":\"o-7\"");
      List<RecordingHttpReceiver.Request> attempts =
          receiver.requests().stream().filter(r -> r.path().equals("/hook")).toList();
      assertThat(attempts).hasSize(3).allMatch(r -> r.body().contains("\"id\":\"o-7\""));
      assertThat(elapsedMillis)
          .as("waits of 200 ms and 400 ms between the attempts")
          .isGreaterThanOrEqualTo(600);

      assertThat(count(runtime, "argo_events_action_failed", "notify")).isEqualTo(3);
      assertThat(count(runtime, "argo_events_action_retries_failed", "notify")).isEqualTo(1);
      assertThat(count(runtime, "argo_events_action_triggered", "notify-dlq")).isEqualTo(1);
    }
  }

  private static double count(CaravanRuntime runtime, String name, String trigger) {
    Counter counter = runtime.meterRegistry().find(name).tag("trigger_name", trigger).counter();
    return counter == null ? 0 : counter.count();
  }
}
