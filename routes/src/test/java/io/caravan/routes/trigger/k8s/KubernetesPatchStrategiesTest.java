package io.caravan.routes.trigger.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.routes.testing.TriggerRouteHarness;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The patch request each {@code patchStrategy} sends. The CRUD mock rejects strategic merge and
 * server-side apply, so this uses the mock in expectation mode and reads the recorded request.
 */
@EnableKubernetesMockClient(https = false)
class KubernetesPatchStrategiesTest {
  static KubernetesClient client;
  static KubernetesMockServer server;

  private static final String PATH = "/api/v1/namespaces/argo-events/configmaps/settings";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/merge-patch+json",
        "application/json-patch+json",
        "application/strategic-merge-patch+json",
        "application/apply-patch+yaml"
      })
  void thePatchIsSentWithTheStrategyAsContentType(String strategy) throws Exception {
    var live =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("settings")
            .withNamespace("argo-events")
            .endMetadata()
            .addToData("colour", "red")
            .build();
    server.expect().get().withPath(PATH).andReturn(200, live).always();
    server
        .expect()
        .patch()
        .withPath(PATH + (strategy.contains("apply") ? "?fieldManager=caravan" : ""))
        .andReturn(200, live)
        .once();
    String trigger =
        """
        template:
          name: t
          k8s:
            operation: patch
            patchStrategy: %s
            source:
              resource: {apiVersion: v1, kind: ConfigMap, metadata: {name: settings}, data: {colour: blue}}
        """
            .formatted(strategy);
    try (var route =
        new TriggerRouteHarness(
            client,
            null,
            trigger,
            "kamelet:kubernetes-resource-sink?operation=patch&patchStrategy=RAW("
                + strategy
                + ")")) {
      assertThat(route.fire("{}").getException()).isNull();
    }

    RecordedRequest patch = server.getLastRequest();
    assertThat(patch.getMethod()).isEqualTo("PATCH");
    assertThat(patch.getHeader("Content-Type")).startsWith(strategy);
    assertThat(patch.getUtf8Body()).contains("\"colour\":\"blue\"", "\"name\":\"settings\"");
  }

  @Test
  void anUnknownPatchStrategyIsRefused() {
    String trigger =
        """
        template:
          name: t
          k8s:
            operation: patch
            source:
              resource: {apiVersion: v1, kind: ConfigMap, metadata: {name: settings}}
        """;
    assertThatThrownBy(
            () ->
                new TriggerRouteHarness(
                    client,
                    null,
                    trigger,
                    "kamelet:kubernetes-resource-sink?operation=patch&patchStrategy=text/plain"))
        .hasStackTraceContaining("patchStrategy 'text/plain' is not one of");
  }
}
