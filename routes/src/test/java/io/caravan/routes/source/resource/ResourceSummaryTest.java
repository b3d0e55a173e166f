package io.caravan.routes.source.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code caravan run} line of a resource event. */
class ResourceSummaryTest {
  @Test
  void namesTheResourceWhereAndWhichChanges() {
    ResourceSummary summary = new ResourceSummary();
    assertThat(summary.kamelet()).isEqualTo("resource-source");
    assertThat(summary.heading()).isEqualTo("Kubernetes resources");
    assertThat(
            summary.describe(
                Map.of(
                    "group", "",
                    "version", "v1",
                    "resource", "configmaps",
                    "namespace", "ops",
                    "labelSelector", "RAW(tier=backend)",
                    "eventTypes", "ADD,UPDATE")))
        .isEqualTo("v1/configmaps in namespace ops selected by 'tier=backend': ADD,UPDATE");
    assertThat(
            summary.describe(
                Map.of(
                    "group", "batch", "version", "v1", "resource", "jobs", "eventTypes", "UPDATE")))
        .isEqualTo("batch/v1/jobs in all namespaces: UPDATE");
  }
}
