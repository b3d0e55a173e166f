package io.caravan.routes.trigger.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.testing.TestContexts;
import io.caravan.routes.trigger.TriggerTemplate;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * k8s trigger (create) end to end: TriggerTemplate → kubernetes-resource-sink Kamelet → fabric8
 * CRUD mock.
 */
@EnableKubernetesMockClient(https = false, crud = true)
class KubernetesTriggerSinkTest {
  static KubernetesClient client;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResourceDefinitionContext WORKFLOWS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("Workflow")
          .withPlural("workflows")
          .withNamespaced(true)
          .build();
  private static final String TRIGGER =
      """
      template:
        name: workflow-trigger
        k8s:
          operation: create
          source:
            resource:
              apiVersion: argoproj.io/v1alpha1
              kind: Workflow
              metadata:
                generateName: hello-
                labels:
                  app: demo
              spec:
                entrypoint: whalesay
                arguments:
                  parameters:
                    - name: message
                      value: replaced by the event
                templates:
                  - name: whalesay
                    inputs:
                      parameters:
                        - name: message
                    container:
                      image: docker/whalesay:latest
                      command: [cowsay]
                      args: ["{{inputs.parameters.message}}"]
          parameters:
            - src:
                dependencyName: test-dep
                dataKey: body.message
              dest: spec.arguments.parameters.0.value
            - src:
                dependencyName: test-dep
                dataKey: body.name
              dest: metadata.generateName
              operation: prepend
      """;

  private CamelContext context;

  @BeforeEach
  void start() throws Exception {
    context = TestContexts.create();
    context.getRegistry().bind("kubernetesClient", client);
    TriggerTemplate template = new TriggerTemplate();
    template.setTriggerType("k8s");
    template.setSensorName("webhook");
    template.setTriggerName("workflow-trigger");
    template.setNamespace("argo-events");
    template.setTrigger(TRIGGER);
    context.getRegistry().bind("sensor.webhook.trigger.workflow-trigger.template", template);
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:sensor.webhook.workflow-trigger")
                .process("sensor.webhook.trigger.workflow-trigger.template")
                .to("kamelet:kubernetes-resource-sink?operation=create");
            from("direct:other-namespace")
                .process("sensor.webhook.trigger.workflow-trigger.template")
                .removeHeader(KubernetesResourceSink.NAMESPACE_HEADER)
                .to("kamelet:kubernetes-resource-sink?operation=create&namespace=jobs");
          }
        });
    context.start();
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void createsTheWorkflowWithParametersAndArgoLabels() throws Exception {
    long before = System.currentTimeMillis();
    Exchange done =
        context
            .createProducerTemplate()
            .send(
                "direct:sensor.webhook.workflow-trigger",
                e ->
                    e.getMessage()
                        .setBody(
                            Map.of(
                                "test-dep",
                                event("{\"message\":\"hi there\",\"name\":\"demo-\"}"))));

    assertThat(done.getException()).isNull();
    List<GenericKubernetesResource> created =
        client.genericKubernetesResources(WORKFLOWS).inNamespace("argo-events").list().getItems();
    assertThat(created).hasSize(1);
    GenericKubernetesResource workflow = created.get(0);
    assertThat(workflow.getMetadata().getGenerateName()).isEqualTo("demo-hello-");
    Map<String, String> labels = workflow.getMetadata().getLabels();
    assertThat(labels)
        .containsEntry("app", "demo")
        .containsEntry("events.argoproj.io/sensor", "webhook")
        .containsEntry("events.argoproj.io/trigger", "workflow-trigger");
    assertThat(Long.parseLong(labels.get("events.argoproj.io/action-timestamp")))
        .isBetween(before, System.currentTimeMillis());
    ObjectNode spec = JSON.valueToTree(workflow.getAdditionalProperties().get("spec"));
    assertThat(spec.at("/arguments/parameters/0/value").asText()).isEqualTo("hi there");
    assertThat(spec.at("/templates/0/container/args/0").asText())
        .isEqualTo("{{inputs.parameters.message}}");
  }

  @Test
  void theNamespaceParameterIsUsedWhenNeitherObjectNorHeaderNamesOne() throws Exception {
    Exchange done =
        context
            .createProducerTemplate()
            .send(
                "direct:other-namespace",
                e ->
                    e.getMessage()
                        .setBody(Map.of("test-dep", event("{\"message\":\"m\",\"name\":\"x-\"}"))));

    assertThat(done.getException()).isNull();
    assertThat(client.genericKubernetesResources(WORKFLOWS).inNamespace("jobs").list().getItems())
        .hasSize(1);
  }

  @Test
  void aMissingEventValueFailsTheTriggerAndCreatesNothing() throws Exception {
    Exchange done =
        context
            .createProducerTemplate()
            .send(
                "direct:sensor.webhook.workflow-trigger",
                e -> e.getMessage().setBody(Map.of("test-dep", event("{\"name\":\"x-\"}"))));

    assertThat(done.getException())
        .hasMessageContaining("trigger.template.k8s.parameters[0].src")
        .hasMessageContaining("unable to resolve 'test-dep' parameter value");
    assertThat(client.genericKubernetesResources(WORKFLOWS).inAnyNamespace().list().getItems())
        .isEmpty();
  }

  private static ArgoEvent event(String body) throws Exception {
    ObjectNode data = JSON.createObjectNode();
    data.set("body", JSON.readTree(body));
    return ArgoEvent.create("webhook", "example", "webhook", data);
  }
}
