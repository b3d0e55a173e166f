package io.caravan.routes.trigger.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.testing.TriggerRouteHarness;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * k8s trigger operations (create, update, patch, delete, liveObject) and API discovery on the
 * fabric8 CRUD mock.
 */
@EnableKubernetesMockClient(https = false, crud = true)
class KubernetesTriggerOperationsTest {
  static KubernetesClient client;

  private static String trigger(String operation, String extra, String data) {
    return """
        template:
          name: t
          k8s:
            operation: %s
            %s
            source:
              resource:
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data: %s
            parameters:
              - src: {dependencyName: d, dataKey: body.colour}
                dest: data.colour
        """
        .formatted(operation, extra, data);
  }

  private static void live(Map<String, String> data) {
    client
        .configMaps()
        .inNamespace("argo-events")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .addToLabels("owner", "ops")
                .endMetadata()
                .withData(data)
                .build())
        .createOr(c -> c.update());
  }

  private static ConfigMap settings() {
    return client.configMaps().inNamespace("argo-events").withName("settings").get();
  }

  private static void cleanUp() {
    client.configMaps().inNamespace("argo-events").withName("settings").delete();
  }

  @Test
  void updateMergesTheObjectOverTheLiveOneAndAddsNoArgoLabels() throws Exception {
    cleanUp();
    live(Map.of("size", "L", "colour", "red"));
    try (var route =
        new TriggerRouteHarness(
            client,
            null,
            trigger("update", "", "{shape: round}"),
            "kamelet:kubernetes-resource-sink?operation=update")) {
      Exchange done = route.fire("{\"colour\":\"blue\"}");

      assertThat(done.getException()).isNull();
      assertThat(settings().getData())
          .containsEntry("size", "L")
          .containsEntry("colour", "blue")
          .containsEntry("shape", "round");
      assertThat(settings().getMetadata().getLabels())
          .containsEntry("owner", "ops")
          .doesNotContainKey("events.argoproj.io/sensor");
    }
  }

  @Test
  void updateAndPatchCreateTheObjectWhenItIsAbsent() throws Exception {
    for (String operation : new String[] {"update", "patch"}) {
      cleanUp();
      try (var route =
          new TriggerRouteHarness(
              client,
              null,
              trigger(operation, "", "{}"),
              "kamelet:kubernetes-resource-sink?operation=" + operation)) {
        assertThat(route.fire("{\"colour\":\"green\"}").getException()).isNull();
        assertThat(settings().getData()).as(operation).containsEntry("colour", "green");
      }
    }
  }

  @Test
  void mergePatchChangesOnlyTheFieldsItNames() throws Exception {
    cleanUp();
    live(Map.of("size", "L", "colour", "red"));
    try (var route =
        new TriggerRouteHarness(
            client,
            null,
            trigger("patch", "patchStrategy: application/merge-patch+json", "{}"),
            "kamelet:kubernetes-resource-sink?operation=patch&patchStrategy=application/merge-patch+json")) {
      assertThat(route.fire("{\"colour\":\"blue\"}").getException()).isNull();
      assertThat(settings().getData()).containsEntry("size", "L").containsEntry("colour", "blue");
    }
  }

  @Test
  void deleteRemovesTheObjectAndIsANoOpWhenItIsAbsent() throws Exception {
    cleanUp();
    live(Map.of("size", "L"));
    try (var route =
        new TriggerRouteHarness(
            client,
            null,
            trigger("delete", "", "{}"),
            "kamelet:kubernetes-resource-sink?operation=delete")) {
      assertThat(route.fire("{\"colour\":\"x\"}").getException()).isNull();
      assertThat(settings()).isNull();
      Exchange again = route.fire("{\"colour\":\"x\"}");
      assertThat(again.getException()).isNull();
      assertThat(again.getMessage().getBody()).isNull();
    }
  }

  @Test
  void liveObjectAppliesTheParametersToTheLiveObject() throws Exception {
    cleanUp();
    live(Map.of("size", "L", "colour", "red"));
    String yaml =
        """
        template:
          name: t
          k8s:
            operation: update
            liveObject: true
            source:
              resource:
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
            parameters:
              - src: {dependencyName: d, dataKey: body.colour}
                dest: data.colour
        """;
    try (var route =
        new TriggerRouteHarness(
            client, null, yaml, "kamelet:kubernetes-resource-sink?operation=update")) {
      assertThat(route.fire("{\"colour\":\"amber\"}").getException()).isNull();
      assertThat(settings().getData()).containsEntry("size", "L").containsEntry("colour", "amber");
    }
  }

  @Test
  void theResourceComesFromApiDiscoveryNotFromTheKind() throws Exception {
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(
            new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("octopi.zoo.example.io")
                .endMetadata()
                .withNewSpec()
                .withGroup("zoo.example.io")
                .withScope("Cluster")
                .withNewNames()
                .withKind("Octopus")
                .withPlural("octopi")
                .withSingular("octopus")
                .endNames()
                .addNewVersion()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .withNewSchema()
                .withNewOpenAPIV3Schema()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema()
                .endSchema()
                .endVersion()
                .endSpec()
                .build())
        .createOr(c -> c.update());
    String yaml =
        """
        template:
          name: t
          k8s:
            operation: create
            source:
              resource:
                apiVersion: zoo.example.io/v1
                kind: Octopus
                metadata: {name: paul}
                spec: {arms: 8}
        """;
    try (var route =
        new TriggerRouteHarness(
            client, null, yaml, "kamelet:kubernetes-resource-sink?operation=create")) {
      assertThat(route.fire("{}").getException()).isNull();
    }
    ResourceDefinitionContext octopi =
        new ResourceDefinitionContext.Builder()
            .withGroup("zoo.example.io")
            .withVersion("v1")
            .withKind("Octopus")
            .withPlural("octopi")
            .withNamespaced(false)
            .build();
    GenericKubernetesResource paul =
        client.genericKubernetesResources(octopi).withName("paul").get();
    assertThat(paul)
        .as("stored as cluster-scoped 'octopi', not the derived 'octopuses'")
        .isNotNull();
    assertThat(paul.getMetadata().getNamespace()).isNull();
    assertThat(paul.getMetadata().getLabels()).containsEntry("events.argoproj.io/trigger", "t");
  }

  @Test
  void policyLabelsWaitForTheObjectAndFailOnlyWhenAsked() throws Exception {
    cleanUp();
    String sink =
        "kamelet:kubernetes-resource-sink?operation=update&policySteps=2&policyDuration=10ms";
    live(Map.of("size", "L"));
    try (var route =
        new TriggerRouteHarness(
            client, null, trigger("update", "", "{}"), sink + "&policyLabels=owner=ops")) {
      assertThat(route.fire("{\"colour\":\"red\"}").getException()).isNull();
    }
    try (var route =
        new TriggerRouteHarness(
            client, null, trigger("update", "", "{}"), sink + "&policyLabels=phase=done")) {
      assertThat(route.fire("{\"colour\":\"red\"}").getException())
          .as("errorOnBackoffTimeout false")
          .isNull();
    }
    try (var route =
        new TriggerRouteHarness(
            client,
            null,
            trigger("update", "", "{}"),
            sink + "&policyLabels=phase=done&policyErrorOnTimeout=true")) {
      assertThat(route.fire("{\"colour\":\"red\"}").getException())
          .hasMessageContaining("policy.k8s")
          .hasMessageContaining("phase=done");
    }
  }
}
