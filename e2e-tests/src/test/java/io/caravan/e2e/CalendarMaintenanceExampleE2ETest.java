package io.caravan.e2e;

import static io.caravan.e2e.WebhookToTriggerE2ETest.WORKFLOWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.e2e.support.Caravan;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.source.calendar.GoTimeFormat;
import io.caravan.routes.testing.NatsServerExtension;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * examples/calendar-maintenance over a real JetStream, Workflows and the persistence ConfigMap on
 * the fabric8 mock API server (CRUD mode): with a 1 s interval every firing fans out into the three
 * maintenance Workflows, each carrying the firing's event time; with the example's schedule a
 * window missed while the EventSource was down is sent on start.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class CalendarMaintenanceExampleE2ETest {
  private static final Path EXAMPLE =
      Path.of(System.getProperty("caravan.repo.dir", ".."), "examples", "calendar-maintenance");

  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  static KubernetesClient client;
  static KubernetesMockServer server;

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void eachFiringFansOutIntoTheThreeMaintenanceWorkflows() throws Exception {
    // no last window kept: a 1 s interval must not catch up since another test's window
    client.configMaps().inNamespace("maintenance").withName("maintenance-window-state").delete();
    try (CaravanRuntime runtime =
        Caravan.manifests(
                "file:" + EXAMPLE.resolve("eventsource.yaml"),
                "file:" + EXAMPLE.resolve("sensor.yaml"))
            .bus(NATS.url())
            .kubernetes(client)
            .camelProperty("camel.component.argo-calendar.namespace", "maintenance")
            .start(text -> text.replace("schedule: \"0 2 * * *\"", "interval: 1s"))) {
      List<GenericKubernetesResource> workflows = awaitEachKind(Duration.ofSeconds(30));

      Map<String, List<GenericKubernetesResource>> byTrigger =
          workflows.stream()
              .collect(
                  Collectors.groupingBy(
                      w -> w.getMetadata().getLabels().get("events.argoproj.io/trigger")));
      assertThat(byTrigger).containsOnlyKeys("vacuum-database", "rotate-logs", "prune-images");
      byTrigger.forEach(
          (trigger, created) ->
              assertThat(created)
                  .allSatisfy(
                      workflow -> {
                        assertThat(workflow.getMetadata().getName()).startsWith(trigger + "-");
                        assertThat(workflow.getMetadata().getLabels())
                            .containsEntry("events.argoproj.io/sensor", "nightly-maintenance");
                        JsonNode spec =
                            mapper.valueToTree(workflow.getAdditionalProperties().get("spec"));
                        // Go's time.String(): "2026-12-03 23:40:01.123456789 +0000 UTC"
                        assertThat(spec.at("/arguments/parameters/0/value").asText())
                            .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}.*");
                      }));
      JsonNode prune =
          mapper.valueToTree(
              byTrigger.get("prune-images").get(0).getAdditionalProperties().get("spec"));
      assertThat(prune.at("/arguments/parameters/1/value").asText()).isEqualTo("nightly");
      // Every firing fans out into all three: the first one's event time is on one Workflow of each
      // kind.
      String firstFiring =
          mapper
              .valueToTree(
                  byTrigger.get("vacuum-database").stream()
                      .map(w -> w.getAdditionalProperties().get("spec"))
                      .toList())
              .at("/0/arguments/parameters/0/value")
              .asText();
      for (String trigger : List.of("rotate-logs", "prune-images")) {
        assertThat(awaitWithEventTime(trigger, firstFiring))
            .as(trigger + " for " + firstFiring)
            .isTrue();
      }
    }
  }

  /**
   * The EventSource was down at the last 02:00 (UTC here); its ConfigMap says the window before was
   * sent. On start the missed window is sent at once, with 02:00 as eventTime: each of the three
   * Workflows is created for it, and the ConfigMap then holds it as the last window.
   */
  @Test
  void aMissedWindowIsCaughtUpOnStartFromTheConfigMap() throws Exception {
    // The example's schedule in UTC (no daylight-saving day without a 02:00 to trip the test).
    ZoneId utc = ZoneId.of("UTC");
    ZonedDateTime now = ZonedDateTime.now(utc);
    ZonedDateTime missed = now.toLocalDate().atTime(2, 0).atZone(utc);
    if (!missed.isBefore(now)) {
      missed = missed.minusDays(1);
    }
    ZonedDateTime sentBefore = missed.minusDays(1).plusSeconds(1);
    client.genericKubernetesResources(WORKFLOWS).inNamespace("maintenance").delete();
    client
        .configMaps()
        .inNamespace("maintenance")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("maintenance-window-state")
                .endMetadata()
                .addToData(
                    "maintenance-window.nightly",
                    "{\"eventTime\":\""
                        + GoTimeFormat.format(sentBefore)
                        + "\",\"metadata\":{\"window\":\"nightly\"}}")
                .build())
        .createOr(NonDeletingOperation::update);
    String missedTime = GoTimeFormat.format(missed);

    try (CaravanRuntime runtime =
        Caravan.manifests(
                "file:" + EXAMPLE.resolve("eventsource.yaml"),
                "file:" + EXAMPLE.resolve("sensor.yaml"))
            .bus(NATS.url())
            .kubernetes(client)
            .camelProperty("camel.component.argo-calendar.namespace", "maintenance")
            .start(text -> text.replace("timezone: Europe/Berlin", "timezone: UTC"))) {
      for (String trigger : List.of("vacuum-database", "rotate-logs", "prune-images")) {
        assertThat(awaitWithEventTime(trigger, missedTime))
            .as(trigger + " for " + missedTime)
            .isTrue();
      }
      await("no Workflow created twice for the missed window")
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(3))
          .until(() -> workflowsPerTrigger(missedTime).values().stream().allMatch(n -> n == 1L));
      Map<String, Long> forMissed = workflowsPerTrigger(missedTime);
      assertThat(forMissed)
          .as("Workflows for the missed window, once each")
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("vacuum-database", 1L, "rotate-logs", 1L, "prune-images", 1L));
      String kept =
          client
              .configMaps()
              .inNamespace("maintenance")
              .withName("maintenance-window-state")
              .get()
              .getData()
              .get("maintenance-window.nightly");
      assertThat(mapper.readTree(kept).get("eventTime").asText()).isEqualTo(missedTime);
    }
  }

  private List<GenericKubernetesResource> awaitEachKind(Duration timeout)
      throws InterruptedException {
    AtomicReference<List<GenericKubernetesResource>> items = new AtomicReference<>();
    await("three maintenance Workflow kinds created")
        .atMost(timeout)
        .until(
            () -> {
              items.set(
                  client
                      .genericKubernetesResources(WORKFLOWS)
                      .inNamespace("maintenance")
                      .list()
                      .getItems());
              return items.get().stream()
                      .map(w -> w.getMetadata().getLabels().get("events.argoproj.io/trigger"))
                      .distinct()
                      .count()
                  == 3;
            });
    return items.get();
  }

  private Map<String, Long> workflowsPerTrigger(String eventTime) {
    return client
        .genericKubernetesResources(WORKFLOWS)
        .inNamespace("maintenance")
        .list()
        .getItems()
        .stream()
        .filter(
            w ->
                mapper
                    .valueToTree(w.getAdditionalProperties().get("spec"))
                    .at("/arguments/parameters/0/value")
                    .asText()
                    .equals(eventTime))
        .collect(
            Collectors.groupingBy(
                w -> w.getMetadata().getLabels().get("events.argoproj.io/trigger"),
                Collectors.counting()));
  }

  private boolean awaitWithEventTime(String trigger, String eventTime) {
    try {
      await(trigger + " for " + eventTime)
          .atMost(Duration.ofSeconds(20))
          .until(() -> workflowsPerTrigger(eventTime).containsKey(trigger));
      return true;
    } catch (ConditionTimeoutException timedOut) {
      return false;
    }
  }
}
