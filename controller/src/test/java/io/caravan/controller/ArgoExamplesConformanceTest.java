package io.caravan.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.caravan.api.Manifest;
import io.caravan.api.testing.TestManifests;
import io.caravan.controller.model.ArgoCondition;
import io.caravan.controller.model.ArgoStatus;
import io.caravan.controller.model.EventBusResource;
import io.caravan.controller.model.EventSourceResource;
import io.caravan.controller.model.SensorResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every EventSource, Sensor and EventBus of Argo's examples applied to the mock cluster: no
 * reconcile fails, and each object ends Ready or with a False condition that says what is not
 * supported or wrong.
 */
class ArgoExamplesConformanceTest {

  private static final Map<String, Class<? extends CustomResource<?, ArgoStatus>>> TYPES =
      Map.of(
          "EventSource",
          EventSourceResource.class,
          "Sensor",
          SensorResource.class,
          "EventBus",
          EventBusResource.class);

  record Applied(String file, String kind, String namespace, String name) {}

  @Test
  void everyArgoExampleEndsReadyOrWithAPreciseCondition() {
    String dir = System.getProperty("caravan.conformance.dir", "");
    assumeTrue(
        !dir.isEmpty() && Files.isDirectory(Path.of(dir)),
        "Argo's examples are not present at '"
            + dir
            + "' (shared/conformance/argo-examples beside the repository)");
    MockCluster cluster = MockCluster.shared();
    List<Manifest> manifests =
        TestManifests.read(Path.of(dir)).stream()
            .filter(
                m ->
                    m.raw() != null
                        && TYPES.containsKey(m.kind())
                        && "argoproj.io/v1alpha1".equals(m.apiVersion()))
            .toList();
    assertThat(manifests).hasSizeGreaterThan(100);

    // Examples share namespaces (each with a JetStream bus) as long as their kind and name do not
    // clash.
    List<Applied> applied = new ArrayList<>();
    List<String> namespaces = new ArrayList<>();
    java.util.Set<String> taken = new java.util.HashSet<>();
    for (Manifest manifest : manifests) {
      String ns = null;
      for (String candidate : namespaces) {
        if (!taken.contains(candidate + "/" + manifest.kind() + "/" + manifest.name())) {
          ns = candidate;
          break;
        }
      }
      if ("EventBus".equals(manifest.kind())) {
        ns = cluster.namespace("argo-bus"); // an EventBus example gets a namespace of its own
      } else if (ns == null) {
        ns = cluster.namespace("argo");
        namespaces.add(ns);
        cluster.create(ns, EventBusResource.class, Fixtures.JETSTREAM_BUS);
        taken.add(ns + "/EventBus/default");
      }
      HasMetadata object =
          Serialization.unmarshal(manifest.raw().toString(), TYPES.get(manifest.kind()));
      object.getMetadata().setNamespace(ns);
      HasMetadata created = cluster.client().resource(object).create();
      taken.add(ns + "/" + manifest.kind() + "/" + created.getMetadata().getName());
      applied.add(
          new Applied(
              Path.of(dir).relativize(manifest.file()) + "#" + manifest.documentIndex(),
              manifest.kind(),
              ns,
              created.getMetadata().getName()));
    }

    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(applied).allSatisfy(a -> assertSettled(cluster, a)));
    // A readable summary in the test output: what each example became.
    applied.forEach(
        a -> {
          ArgoStatus status = cluster.get(TYPES.get(a.kind()), a.namespace(), a.name()).getStatus();
          System.out.println(
              a.file()
                  + " "
                  + a.kind()
                  + ": "
                  + (status.isReady()
                      ? "Ready"
                      : status.getConditions().stream()
                          .filter(c -> "False".equals(c.getStatus()))
                          .map(Object::toString)
                          .toList()));
        });
    for (String kind : TYPES.keySet()) {
      assertThat(cluster.metrics().failures(kind)).as("failed %s reconciles", kind).isZero();
    }
    assertThat(cluster.operator().getRuntimeInfo().allEventSourcesAreHealthy()).isTrue();
  }

  private static void assertSettled(MockCluster cluster, Applied applied) {
    CustomResource<?, ArgoStatus> object =
        cluster.get(TYPES.get(applied.kind()), applied.namespace(), applied.name());
    assertThat(object).as(applied.file()).isNotNull();
    ArgoStatus status = object.getStatus();
    assertThat(status).as(applied.file() + " has a status").isNotNull();
    if (status.isReady()) {
      if (!"EventBus".equals(applied.kind())) {
        String suffix = "EventSource".equals(applied.kind()) ? "-eventsource" : "-sensor";
        assertThat(
                cluster
                    .client()
                    .apps()
                    .deployments()
                    .inNamespace(applied.namespace())
                    .withName(applied.name() + suffix)
                    .get())
            .as(applied.file() + " is Ready, so it runs")
            .isNotNull();
        assertThat(
                cluster
                    .client()
                    .configMaps()
                    .inNamespace(applied.namespace())
                    .withName(applied.name() + suffix + "-routes")
                    .get()
                    .getData()
                    .get("routes.yaml"))
            .as(applied.file())
            .contains("- route:");
      }
      return;
    }
    List<ArgoCondition> failed =
        status.getConditions().stream().filter(c -> "False".equals(c.getStatus())).toList();
    assertThat(failed)
        .as(
            applied.file()
                + " is not ready, so a condition must say why: "
                + status.getConditions())
        .isNotEmpty();
    // Each example has its EventBus: what is left to say is about the manifest itself.
    assertThat(failed).as(applied.file()).noneMatch(c -> "Deployed".equals(c.getType()));
    assertThat(failed)
        .allSatisfy(
            c -> {
              assertThat(c.getReason()).as(applied.file()).isNotBlank();
              assertThat(c.getMessage()).as(applied.file()).isNotBlank();
              if (c.getReason().startsWith("Invalid")) {
                // Findings about the spec name the field: "spec.x.y: message".
                assertThat(c.getMessage())
                    .as(applied.file())
                    .containsPattern("(^|; )(spec|metadata)[\\w.\\[\\]-]*: ");
              }
            });
  }
}
