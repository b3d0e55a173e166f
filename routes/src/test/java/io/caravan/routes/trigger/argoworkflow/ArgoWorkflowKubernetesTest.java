package io.caravan.routes.trigger.argoworkflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
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

/** Every argoWorkflow operation through the Kubernetes API, on the fabric8 CRUD mock. */
@EnableKubernetesMockClient(https = false, crud = true)
class ArgoWorkflowKubernetesTest {
  static KubernetesClient client;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NS = "argo-events";

  private CamelContext context;

  @BeforeEach
  void start() throws Exception {
    client.genericKubernetesResources(type("Workflow", "workflows")).inAnyNamespace().delete();
    context = TestContexts.create();
    context.getRegistry().bind("kubernetesClient", client);
    context.getRegistry().bind(SecretStore.BEAN_NAME, new MapSecretStore());
    context.start();
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  static ResourceDefinitionContext type(String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("argoproj.io")
        .withVersion("v1alpha1")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }

  /**
   * Runs trigger {@code t} of sensor {@code s} with {@code resource} and the sink options, one
   * event.
   */
  private Exchange fire(String operation, String resource, String sinkOptions, String eventBody)
      throws Exception {
    return fire(operation, resource, sinkOptions, eventBody, "");
  }

  private Exchange fire(
      String operation, String resource, String sinkOptions, String eventBody, String extra)
      throws Exception {
    String id = "r" + System.nanoTime();
    TriggerTemplate template = new TriggerTemplate();
    template.setTriggerType("argoWorkflow");
    template.setSensorName("s");
    template.setTriggerName("t");
    template.setNamespace(NS);
    template.setTrigger(
        """
        template:
          name: t
          argoWorkflow:
            operation: %s
            %s
            source:
              resource:
        %s
            parameters:
              - src: {dependencyName: d, dataKey: body.message, value: none}
                dest: spec.arguments.parameters.0.value
        """
            .formatted(operation, extra, resource.indent(8).stripTrailing()));
    context.getRegistry().bind(id, template);
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:" + id)
                .process(id)
                .to("kamelet:argo-workflow-sink?operation=" + operation + sinkOptions);
          }
        });
    ObjectNode data = JSON.createObjectNode();
    data.set("body", JSON.readTree(eventBody));
    return context
        .createProducerTemplate()
        .send(
            "direct:" + id,
            e ->
                e.getMessage()
                    .setBody(Map.of("d", ArgoEvent.create("webhook", "example", "webhook", data))));
  }

  private static List<GenericKubernetesResource> workflows() {
    return client
        .genericKubernetesResources(type("Workflow", "workflows"))
        .inNamespace(NS)
        .list()
        .getItems();
  }

  private static JsonNode json(GenericKubernetesResource resource) {
    return JSON.valueToTree(resource);
  }

  private static void existing(String name, String extra) {
    GenericKubernetesResource workflow =
        client
            .getKubernetesSerialization()
            .unmarshal(
                """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata:
          name: %s
          labels: {team: build, workflows.argoproj.io/phase: Failed}
        spec:
          entrypoint: main
          arguments: {parameters: [{name: message, value: old}]}
        %s
        """
                    .formatted(name, extra),
                GenericKubernetesResource.class);
    client
        .genericKubernetesResources(type("Workflow", "workflows"))
        .inNamespace(NS)
        .resource(workflow)
        .create();
  }

  private static JsonNode workflow(String name) {
    return json(
        client
            .genericKubernetesResources(type("Workflow", "workflows"))
            .inNamespace(NS)
            .withName(name)
            .get());
  }

  @Test
  void submitCreatesTheWorkflowWithTheParametersAndArgoEventsLabels() throws Exception {
    Exchange done =
        fire(
            "submit",
            """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {generateName: hello-}
        spec:
          entrypoint: main
          arguments: {parameters: [{name: message, value: x}]}
        """,
            "&policyLabels=events.argoproj.io/sensor=s&policySteps=2&policyDuration=10ms"
                + "&policyErrorOnTimeout=true",
            "{\"message\":\"hi\"}");

    assertThat(done.getException()).isNull();
    assertThat(workflows()).hasSize(1);
    JsonNode created = json(workflows().get(0));
    assertThat(created.at("/metadata/generateName").asText()).isEqualTo("hello-");
    assertThat(created.at("/spec/arguments/parameters/0/value").asText()).isEqualTo("hi");
    assertThat(created.at("/metadata/labels/events.argoproj.io~1sensor").asText()).isEqualTo("s");
    assertThat(created.at("/metadata/labels/events.argoproj.io~1trigger").asText()).isEqualTo("t");
    assertThat(created.at("/metadata/labels/events.argoproj.io~1action-timestamp").asText())
        .matches("\\d{13}");
  }

  @Test
  void submitArgsAreAppliedToTheWorkflow() throws Exception {
    Exchange done =
        fire(
            "submit",
            """
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {generateName: hello-}
        spec:
          entrypoint: main
          arguments: {parameters: [{name: message, value: x}]}
        """,
            "",
            "{\"message\":\"hi\"}",
            "args: [--serviceaccount, ci-bot, -p, colour=blue, --parameter=message=override, '--labels=team=ci,tier=2', "
                + "--entrypoint, other, --generate-name, nightly-]");

    assertThat(done.getException()).isNull();
    JsonNode created = json(workflows().get(0));
    assertThat(created.at("/spec/serviceAccountName").asText()).isEqualTo("ci-bot");
    assertThat(created.at("/spec/entrypoint").asText()).isEqualTo("other");
    assertThat(created.at("/metadata/generateName").asText()).isEqualTo("nightly-");
    assertThat(created.at("/metadata/labels/team").asText()).isEqualTo("ci");
    assertThat(created.at("/metadata/labels/tier").asText()).isEqualTo("2");
    assertThat(created.at("/spec/arguments/parameters/0/value").asText())
        .as("args after parameters")
        .isEqualTo("override");
    assertThat(created.at("/spec/arguments/parameters/1/name").asText()).isEqualTo("colour");
    assertThat(created.at("/spec/arguments/parameters/1/value").asText()).isEqualTo("blue");
  }

  @Test
  void submitFromAWorkflowTemplateReferencesIt() throws Exception {
    Exchange done =
        fire(
            "submit-from",
            """
        apiVersion: argoproj.io/v1alpha1
        kind: WorkflowTemplate
        metadata: {name: build}
        """,
            "",
            "{}");

    assertThat(done.getException()).isNull();
    JsonNode created = json(workflows().get(0));
    assertThat(created.at("/metadata/generateName").asText()).isEqualTo("build-");
    assertThat(created.at("/spec/workflowTemplateRef/name").asText()).isEqualTo("build");
    assertThat(created.at("/spec/workflowTemplateRef/clusterScope").isMissingNode()).isTrue();
    assertThat(created.at("/metadata/labels/workflows.argoproj.io~1workflow-template").asText())
        .isEqualTo("build");
    assertThat(created.at("/metadata/labels/events.argoproj.io~1sensor").asText()).isEqualTo("s");
  }

  @Test
  void submitFromAClusterWorkflowTemplateSetsClusterScope() throws Exception {
    assertThat(
            fire(
                    "submit-from",
                    """
        apiVersion: argoproj.io/v1alpha1
        kind: ClusterWorkflowTemplate
        metadata: {name: shared}
        """,
                    "",
                    "{}")
                .getException())
        .isNull();

    JsonNode created = json(workflows().get(0));
    assertThat(created.at("/spec/workflowTemplateRef/name").asText()).isEqualTo("shared");
    assertThat(created.at("/spec/workflowTemplateRef/clusterScope").asBoolean()).isTrue();
    assertThat(
            created
                .at("/metadata/labels/workflows.argoproj.io~1cluster-workflow-template")
                .asText())
        .isEqualTo("shared");
  }

  @Test
  void submitFromACronWorkflowRunsItsWorkflowSpec() throws Exception {
    client
        .genericKubernetesResources(type("CronWorkflow", "cronworkflows"))
        .inNamespace(NS)
        .resource(
            client
                .getKubernetesSerialization()
                .unmarshal(
                    """
            apiVersion: argoproj.io/v1alpha1
            kind: CronWorkflow
            metadata: {name: nightly}
            spec:
              schedule: "0 1 * * *"
              workflowMetadata: {labels: {kind: nightly}}
              workflowSpec: {entrypoint: report}
            """,
                    GenericKubernetesResource.class))
        .createOr(r -> r.update());

    assertThat(
            fire(
                    "submit-from",
                    """
        apiVersion: argoproj.io/v1alpha1
        kind: CronWorkflow
        metadata: {name: nightly}
        """,
                    "",
                    "{}")
                .getException())
        .isNull();

    JsonNode created = json(workflows().get(0));
    assertThat(created.at("/metadata/generateName").asText()).isEqualTo("nightly-");
    assertThat(created.at("/spec/entrypoint").asText()).isEqualTo("report");
    assertThat(created.at("/metadata/labels/workflows.argoproj.io~1cron-workflow").asText())
        .isEqualTo("nightly");
    assertThat(created.at("/metadata/labels/kind").asText()).isEqualTo("nightly");
    String cronUid =
        client
            .genericKubernetesResources(type("CronWorkflow", "cronworkflows"))
            .inNamespace(NS)
            .withName("nightly")
            .get()
            .getMetadata()
            .getUid();
    assertThat(created.at("/metadata/ownerReferences/0/kind").asText()).isEqualTo("CronWorkflow");
    assertThat(created.at("/metadata/ownerReferences/0/uid").asText())
        .isEqualTo(cronUid)
        .isNotBlank();
  }

  @Test
  void resubmitCreatesACopyOfTheWorkflow() throws Exception {
    existing("build-abc", "");

    assertThat(
            fire(
                    "resubmit",
                    "{apiVersion: argoproj.io/v1alpha1, kind: Workflow, metadata: {name: build-abc}}",
                    "",
                    "{}")
                .getException())
        .isNull();

    assertThat(workflows()).hasSize(2);
    JsonNode copy =
        workflows().stream()
            .map(ArgoWorkflowKubernetesTest::json)
            .filter(w -> !w.at("/metadata/name").asText().equals("build-abc"))
            .findFirst()
            .orElseThrow();
    assertThat(copy.at("/metadata/generateName").asText()).isEqualTo("build-abc-");
    assertThat(
            copy.at("/metadata/labels/workflows.argoproj.io~1resubmitted-from-workflow").asText())
        .isEqualTo("build-abc");
    assertThat(copy.at("/metadata/labels/team").asText()).isEqualTo("build");
    assertThat(copy.at("/metadata/labels/workflows.argoproj.io~1phase").isMissingNode()).isTrue();
    assertThat(copy.at("/spec/entrypoint").asText()).isEqualTo("main");
  }

  @Test
  void suspendAndResumeChangeSpecSuspendAndTheSuspendNodes() throws Exception {
    existing(
        "long-run",
        """
        status:
          phase: Running
          nodes:
            long-run-1: {type: Suspend, phase: Running}
            long-run-2: {type: Pod, phase: Running}
        """);
    String ref = "{apiVersion: argoproj.io/v1alpha1, kind: Workflow, metadata: {name: long-run}}";

    assertThat(fire("suspend", ref, "", "{}").getException()).isNull();
    assertThat(workflow("long-run").at("/spec/suspend").asBoolean()).isTrue();

    assertThat(fire("resume", ref, "", "{}").getException()).isNull();
    JsonNode resumed = workflow("long-run");
    assertThat(resumed.at("/spec/suspend").isMissingNode()).isTrue();
    assertThat(resumed.at("/status/nodes/long-run-1/phase").asText()).isEqualTo("Succeeded");
    assertThat(resumed.at("/status/nodes/long-run-2/phase").asText()).isEqualTo("Running");
  }

  @Test
  void terminateAndStopSetTheShutdownStrategy() throws Exception {
    existing("to-terminate", "status: {phase: Running}");
    existing("to-stop", "status: {phase: Running}");

    assertThat(
            fire(
                    "terminate",
                    "{apiVersion: argoproj.io/v1alpha1, kind: Workflow, metadata: {name: to-terminate}}",
                    "",
                    "{}")
                .getException())
        .isNull();
    assertThat(
            fire(
                    "stop",
                    "{apiVersion: argoproj.io/v1alpha1, kind: Workflow, metadata: {name: to-stop}}",
                    "",
                    "{}")
                .getException())
        .isNull();

    assertThat(workflow("to-terminate").at("/spec/shutdown").asText()).isEqualTo("Terminate");
    assertThat(workflow("to-stop").at("/spec/shutdown").asText()).isEqualTo("Stop");
  }

  @Test
  void aCompletedWorkflowCannotBeTerminated() throws Exception {
    existing("done", "status: {phase: Succeeded}");

    assertThat(
            fire(
                    "terminate",
                    "{apiVersion: argoproj.io/v1alpha1, kind: Workflow, metadata: {name: done}}",
                    "",
                    "{}")
                .getException())
        .hasMessageContaining("already Succeeded");
    assertThat(workflow("done").at("/spec/shutdown").isMissingNode()).isTrue();
  }

  @Test
  void retryNeedsTheArgoServerAndAMissingWorkflowIsAnError() throws Exception {
    assertThat(
            fire(
                    "retry",
                    "{apiVersion: argoproj.io/v1alpha1, kind: Workflow, metadata: {name: x}}",
                    "",
                    "{}")
                .getException())
        .hasMessageContaining("'retry' needs the Argo Server")
        .hasMessageContaining("caravan.io/argo-server");
    assertThat(
            fire(
                    "suspend",
                    "{apiVersion: argoproj.io/v1alpha1, kind: Workflow, metadata: {name: absent}}",
                    "",
                    "{}")
                .getException())
        .hasMessageContaining("Workflow argo-events/absent does not exist");
  }
}
