package io.caravan.e2e;

import static io.caravan.e2e.WebhookToTriggerE2ETest.awaitCounter;
import static io.caravan.e2e.WebhookToTriggerE2ETest.counter;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.Webhook;
import io.caravan.routes.runtime.CaravanRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's quickstart, as `./caravan run examples/quickstart` runs it (in-memory bus), on a
 * free port: a production deploy request fires the http trigger, whose POST to /notify fires the
 * log trigger.
 */
class QuickstartE2ETest {

  private static final Path QUICKSTART =
      Path.of(System.getProperty("caravan.repo.dir", ".."), "examples", "quickstart");

  @Test
  void deployRequestForProductionTriggersTheNotificationChain() throws Exception {
    int port = Webhook.freePort();
    Caravan caravan =
        Caravan.manifests(
                "file:" + QUICKSTART.resolve("eventsource.yaml"),
                "file:" + QUICKSTART.resolve("sensor.yaml"))
            .with("PORT", port);
    try (CaravanRuntime runtime =
        caravan.start(text -> text.replace("12000", String.valueOf(port)))) {
      String deploy = "http://127.0.0.1:" + port + "/deploy";
      assertThat(
              Webhook.post(
                  deploy,
                  "{\"service\":\"billing\",\"version\":\"v1.2.3\",\"environment\":\"staging\"}"))
          .isEqualTo(new Webhook.Answer(200, "success"));
      assertThat(
              Webhook.post(
                  deploy,
                  "{\"service\":\"billing\",\"version\":\"v1.2.3\",\"environment\":\"prod-eu\"}"))
          .isEqualTo(new Webhook.Answer(200, "success"));

      awaitCounter(runtime, "argo_events_action_triggered", "trigger_name", "notify-team", 1);
      awaitCounter(
          runtime, "argo_events_action_triggered", "trigger_name", "print-notification", 1);
      assertThat(counter(runtime, "argo_events_events_sent", "event_name", "notify")).isEqualTo(1);
      assertThat(Files.exists(QUICKSTART)).isTrue();
    }
  }
}
