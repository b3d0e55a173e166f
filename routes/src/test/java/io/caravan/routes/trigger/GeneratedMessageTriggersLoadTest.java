package io.caravan.routes.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.runtime.RuntimeSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The generator's golden output for the message triggers (route-generator's {@code
 * message-triggers} case: kafka, nats, slack, email, argoCD and an http trigger with tls and
 * basicAuth) loads and starts in the runtime as written: every bean, Kamelet and parameter it names
 * exists.
 */
class GeneratedMessageTriggersLoadTest {
  private static final Path GOLDEN =
      Path.of(
          System.getProperty("caravan.repo.dir", ".."),
          "route-generator",
          "src",
          "test",
          "resources",
          "golden",
          "message-triggers",
          "expected.yaml");

  @Test
  void theGeneratedDocumentStartsWithEverySink() throws Exception {
    try (CaravanRuntime runtime =
        CaravanRuntime.builder()
            .document("sensor-alerts", Files.readString(GOLDEN))
            .metricsPort(0)
            .busUrl(null)
            .build()) {
      runtime.start();

      assertThat(runtime.summary().triggers())
          .extracting(RuntimeSummary.Trigger::sink)
          .containsExactlyInAnyOrder(
              "kafka-sink", "nats-sink", "slack-sink", "email-sink", "argocd-sink", "http-sink");
    }
  }
}
