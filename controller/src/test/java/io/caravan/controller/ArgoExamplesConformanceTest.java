package io.caravan.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.caravan.api.Manifest;
import io.caravan.api.ManifestReader;
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
 * Every EventSource, Sensor and EventBus of Argo's examples applied to the mock cluster: no reconcile
 * fails, and each object ends Ready or with a False condition that says what is not supported or wrong.
 */
class ArgoExamplesConformanceTest {

  private static final Map<String, Class<? extends CustomResource<?, ArgoStatus>>> TYPES = Map.of(
      "EventSource", EventSourceResource.class, "Sensor", SensorResource.class, "EventBus", EventBusResource.class);

  record Applied(String file, String kind, String namespace, String name) {}

  @Test
  void everyArgoExampleEndsReadyOrWithAPreciseCondition() {
    String dir = System.getProperty("caravan.conformance.dir", "");
    assumeTrue(!dir.isEmpty() && Files.isDirectory(Path.of(dir)),
        "Argo's examples are not present at '" + dir + "' (shared/conformance/argo-examples beside the repository)");
    MockCluster cluster = MockCluster.shared();
    List<Manifest> manifests = ManifestReader.read(Path.of(dir)).stream()
        .filter(m -> m.raw() != null && TYPES.containsKey(m.kind()) && "argoproj.io/v1alpha1".equals(m.apiVersion()))
        .toList();
    assertThat(manifests).hasSizeGreaterThan(100);

    List<Applied> applied = new ArrayList<>();
    for (Manifest manifest : manifests) {
      String ns = cluster.namespace("argo");
      if (!"EventBus".equals(manifest.kind())) {
        cluster.create(ns, EventBusResource.class, Fixtures.JETSTREAM_BUS);
      }
      HasMetadata object = Serialization.unmarshal(manifest.raw().toString(), TYPES.get(manifest.kind()));
      object.getMetadata().setNamespace(ns);
      HasMetadata created = cluster.client().resource(object).create();
      applied.add(new Applied(Path.of(dir).relativize(manifest.file()) + "#" + manifest.documentIndex(),
          manifest.kind(), ns, created.getMetadata().getName()));
    }

    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(applied).allSatisfy(a -> assertSettled(cluster, a)));
    for (String kind : TYPES.keySet()) {
      assertThat(cluster.metrics().failures(kind)).as("failed %s reconciles", kind).isZero();
    }
    assertThat(cluster.operator().getRuntimeInfo().allEventSourcesAreHealthy()).isTrue();
  }

  private static void assertSettled(MockCluster cluster, Applied applied) {
    CustomResource<?, ArgoStatus> object = cluster.get(TYPES.get(applied.kind()), applied.namespace(), applied.name());
    assertThat(object).as(applied.file()).isNotNull();
    ArgoStatus status = object.getStatus();
    assertThat(status).as(applied.file() + " has a status").isNotNull();
    if (status.isReady()) {
      return;
    }
    List<ArgoCondition> failed = status.getConditions().stream().filter(c -> "False".equals(c.getStatus())).toList();
    assertThat(failed).as(applied.file() + " is not ready, so a condition must say why: " + status.getConditions())
        .isNotEmpty();
    assertThat(failed).allSatisfy(c -> {
      assertThat(c.getReason()).as(applied.file()).isNotBlank();
      assertThat(c.getMessage()).as(applied.file()).isNotBlank();
      if (c.getReason().startsWith("Invalid")) {
        // Findings about the spec name the field: "spec.x.y: message".
        assertThat(c.getMessage()).as(applied.file()).containsPattern("(^|; )(spec|metadata)[\\w.\\[\\]-]*: ");
      }
    });
  }
}
