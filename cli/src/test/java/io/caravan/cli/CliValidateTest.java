package io.caravan.cli;

import static io.caravan.cli.CliTestSupport.manifest;
import static io.caravan.cli.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.cli.CliTestSupport.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliValidateTest {
  @Test
  void validManifestsExitZeroAndIgnoreOtherKinds() {
    Result result = run("validate", manifest("good"));
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).doesNotContain("Workflow").doesNotContain("ConfigMap");
  }

  @Test
  void eachProblemIsOneLineNamingFileKindNameAndFieldPath() {
    Result result = run("validate", manifest("broken"));
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out().lines())
        .containsExactly(
            manifest("broken/broken-yaml.yaml")
                + ": document 1: line 9: invalid YAML/JSON: "
                + "while parsing a block mapping",
            manifest("broken/unknown-field.yaml")
                + ": EventSource/typo: spec.webhook.example.methd: unknown field 'methd'",
            manifest("broken/unsupported-type.yaml")
                + ": EventSource/queue: spec.emitter: unsupported: EventSource type 'emitter'");
  }

  @Test
  void singleFilesCanBeGivenOneByOne() {
    assertThat(
            run("validate", manifest("good/eventsource.yaml"), manifest("good/sensor.yaml"))
                .exitCode())
        .isZero();
    Result unknown = run("validate", manifest("broken/unknown-field.yaml"));
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.out().lines()).hasSize(1);
  }

  @Test
  void inputWithoutArgoManifestsIsAnError() {
    Result result = run("validate", manifest("only-secrets.yaml"));
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .startsWith(manifest("only-secrets.yaml") + ": no Argo Events manifests")
        .contains("EventSource, Sensor or EventBus");
  }

  @Test
  void missingFileIsAnError() {
    Result result = run("validate", "does-not-exist.yaml");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out().strip()).isEqualTo("does-not-exist.yaml: no such file or directory");
  }

  @Test
  void otherArgoApiVersionsAndDuplicateNamesAreReported(@TempDir Path dir) throws Exception {
    String source =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: twice
        spec:
          webhook:
            a:
              port: "12000"
              endpoint: /a
              method: POST
        """;
    Files.writeString(dir.resolve("a.yaml"), source);
    Files.writeString(dir.resolve("b.yaml"), source);
    Files.writeString(
        dir.resolve("c.yaml"),
        "apiVersion: argoproj.io/v1beta9\nkind: Sensor\nmetadata:\n  name: future\nspec: {}\n");
    Result result = run("validate", dir.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out().lines())
        .containsExactly(
            dir.resolve("b.yaml")
                + ": EventSource/twice: metadata.name: duplicate EventSource 'twice' (also in "
                + dir.resolve("a.yaml")
                + ")",
            dir.resolve("c.yaml")
                + ": Sensor/future: apiVersion: unsupported apiVersion 'argoproj.io/v1beta9' "
                + "(Caravan reads argoproj.io/v1alpha1)");
  }

  @Test
  void withoutArgumentsItIsAUsageError() {
    Result result = run("validate");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("FILE|DIR");
  }

  @Test
  void oddEntriesAreReportedNeverACrash(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("odd.yaml");
    Files.writeString(
        file,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Sensor
        metadata: {name: odd}
        spec:
          dependencies: [null, {name: d, eventSourceName: s, eventName: e, filters: a-string}]
          triggers: [~, {template: {name: t, log: {}}, parameters: [null]}]
        """);
    for (String command : new String[] {"validate", "generate"}) {
      Result result = run(command, file.toString());
      assertThat(result.exitCode()).as(command).isEqualTo(1);
      assertThat(result.out() + result.err())
          .as(command)
          .doesNotContain("Exception")
          .doesNotContain("\tat io.caravan");
      assertThat(result.out() + result.err()).as(command).contains("Sensor/odd");
    }
  }
}
