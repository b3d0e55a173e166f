package io.caravan.cli;

import static io.caravan.cli.CliTestSupport.manifest;
import static io.caravan.cli.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.cli.CliTestSupport.Result;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CliGenerateTest {
  @Test
  void printsOneYamlDocumentPerEventSourceAndSensor() {
    Result result = run("generate", manifest("good"));
    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    String[] documents = result.out().split("(?m)^---$");
    assertThat(documents).hasSize(2);
    assertThat(documents[0])
        .startsWith("# EventSource shop/orders\n")
        .contains("id: eventsource.orders.created")
        .contains("uri: kamelet:webhook-source")
        .contains("orders-auth/token")
        .doesNotContain("czNjcjN0LXRva2Vu")
        .doesNotContain("s3cr3t-token");
    assertThat(documents[1].strip())
        .startsWith("# Sensor shop/big-orders")
        .contains("id: sensor.big-orders.log-big-order")
        .contains("uri: kamelet:log-sink");
    assertThat(Arrays.stream(documents).map(String::strip)).allMatch(d -> d.contains("- route:"));
  }

  @Test
  void sameInputSameOutput() {
    assertThat(run("generate", manifest("good")).out())
        .isEqualTo(run("generate", manifest("good")).out());
  }

  @Test
  void diagnosticsGoToStderrAndErrorsExitOne() {
    Result result = run("generate", manifest("broken/unsupported-type.yaml"));
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip())
        .isEqualTo(
            manifest("broken/unsupported-type.yaml")
                + ": EventSource/queue: spec.emitter: unsupported: EventSource type 'emitter'");
    assertThat(result.out()).doesNotContain("unsupported");
  }
}
