package io.caravan.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.api.Manifest;
import io.caravan.api.eventsource.EventSource;
import io.caravan.api.testing.TestManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Validates Argo's own example manifests (runs only where they are available). Webhook/calendar
 * EventSources must give no ERROR except the listed, explained ones.
 */
@EnabledIf("examplesPresent")
class ArgoExamplesValidationTest {

  static final Path EXAMPLES =
      Path.of(
          System.getProperty("caravan.conformance.dir", "../../shared/conformance/argo-examples"));

  /**
   * Errors the Argo examples really contain, by "file | path", with the reason they are right.
   * Argo's Go decoder silently drops unknown fields; Caravan reports them (nothing is dropped).
   */
  static final Map<String, String> JUSTIFIED =
      Map.of(
          "test/stress/testdata/eventsources/webhook.yaml | spec.replica",
          "typo for 'replicas' in Argo's example; Argo ignores it silently",
          "tutorials/06-trigger-conditions/webhook-event-source.yaml | spec.type",
          "'type' was removed from EventSourceSpec long ago; Argo ignores it silently");

  static boolean examplesPresent() {
    return Files.isDirectory(EXAMPLES);
  }

  @Test
  void validatesEveryArgoExampleAndWebhookCalendarSourcesHaveOnlyJustifiedErrors() {
    ManifestValidator validator = new ManifestValidator();
    List<String> unexplained = new ArrayList<>();
    int validated = 0;
    for (Manifest manifest : TestManifests.read(EXAMPLES)) {
      List<Diagnostic> diagnostics = validator.validate(manifest);
      if (manifest.resource() == null) {
        assertThat(diagnostics).as(manifest.location()).isEmpty();
        continue;
      }
      validated++;
      String file = EXAMPLES.relativize(manifest.file()).toString();
      diagnostics.forEach(
          d ->
              System.out.printf(
                  "%s %s %s | %s | %s%n",
                  manifest.kind(), file, d.severity(), d.path(), d.message()));
      if (isWebhookOrCalendarOnly(manifest)) {
        for (Diagnostic d : diagnostics) {
          String key = file + " | " + d.path();
          if (d.isError() && !JUSTIFIED.containsKey(key)) {
            unexplained.add(key + " | " + d.message());
          }
        }
      }
    }
    assertThat(validated).isGreaterThan(100);
    assertThat(unexplained).isEmpty();
  }

  private static boolean isWebhookOrCalendarOnly(Manifest manifest) {
    if (!(manifest.resource() instanceof EventSource source) || source.getSpec() == null) {
      return false;
    }
    var types = source.getSpec().sources().keySet();
    return !types.isEmpty() && Set.of("webhook", "calendar").containsAll(types);
  }
}
