package io.caravan.e2e;

import static io.caravan.e2e.WebhookToTriggerE2ETest.awaitCounter;
import static io.caravan.e2e.WebhookToTriggerE2ETest.counter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.Webhook;
import io.caravan.routes.runtime.CaravanRuntime;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Generated routes of k8s update (liveObject) / patch and argoWorkflow submit triggers, with
 * policy.k8s, run against the fabric8 CRUD mock API server (in-memory bus).
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesOperationsE2ETest {
  static KubernetesClient client;

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void updatePatchAndSubmitReachTheApiServerAndPassTheirPolicies() throws Exception {
    client
        .configMaps()
        .inNamespace("shop")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("order-stats")
                .addToLabels("team", "shop")
                .endMetadata()
                .withData(Map.of("total", "41"))
                .build())
        .create();
    client
        .configMaps()
        .inNamespace("shop")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("customers")
                .endMetadata()
                .withData(Map.of("vip", "ada"))
                .build())
        .create();
    int port = Webhook.freePort();
    try (CaravanRuntime runtime =
        Caravan.manifests(
                "manifests/orders-eventsource.yaml", "manifests/kubernetes-operations-sensor.yaml")
            .with("PORT", port)
            .kubernetes(client)
            .start()) {

      assertThat(
              Webhook.post(
                  "http://127.0.0.1:" + port + "/orders", "{\"id\":\"o-7\",\"customer\":\"bob\"}"))
          .isEqualTo(new Webhook.Answer(200, "success"));

      awaitCounter(runtime, "argo_events_action_triggered", "trigger_name", "count-orders", 1);
      awaitCounter(runtime, "argo_events_action_triggered", "trigger_name", "flag-customer", 1);
      awaitCounter(runtime, "argo_events_action_triggered", "trigger_name", "fulfil", 1);
      assertThat(counter(runtime, "argo_events_action_failed", "sensor_name", "operator")).isZero();
    }

    Map<String, String> stats =
        client.configMaps().inNamespace("shop").withName("order-stats").get().getData();
    assertThat(stats).containsEntry("total", "41").containsEntry("last-order", "o-7");
    Map<String, String> customers =
        client.configMaps().inNamespace("shop").withName("customers").get().getData();
    assertThat(customers).containsEntry("vip", "ada").containsEntry("last-customer", "bob");
    List<GenericKubernetesResource> workflows =
        client
            .genericKubernetesResources(WebhookToTriggerE2ETest.WORKFLOWS)
            .inNamespace("shop")
            .list()
            .getItems();
    assertThat(workflows).hasSize(1);
    JsonNode workflow = mapper.valueToTree(workflows.get(0));
    assertThat(workflow.at("/spec/workflowTemplateRef/name").asText()).isEqualTo("fulfilment");
    assertThat(workflow.at("/spec/arguments/parameters/0/value").asText()).isEqualTo("o-7");
  }
}
