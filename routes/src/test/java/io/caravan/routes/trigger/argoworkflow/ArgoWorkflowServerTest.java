package io.caravan.routes.trigger.argoworkflow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.TestContexts;
import io.caravan.routes.trigger.TriggerTemplate;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every argoWorkflow operation through the Argo Server REST API, against a WireMock fake server.
 */
class ArgoWorkflowServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WORKFLOW_ANSWER =
      "{\"metadata\":{\"name\":\"hello-x1\",\"namespace\":\"argo-events\",\"labels\":{\"phase\":\"Running\"}}}";

  private WireMockServer argoServer;
  private CamelContext context;

  @BeforeEach
  void start() throws Exception {
    argoServer = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    argoServer.start();
    argoServer.stubFor(any(anyUrl()).willReturn(okJson(WORKFLOW_ANSWER)));
    context = TestContexts.create();
    context
        .getRegistry()
        .bind(
            SecretStore.BEAN_NAME,
            new MapSecretStore().putSecret("argo-server-token", "token", "s3cr3t"));
    context.start();
  }

  @AfterEach
  void stop() {
    context.stop();
    argoServer.stop();
  }

  private Exchange fire(String operation, String resource, String extraOptions) throws Exception {
    String id = "r" + System.nanoTime();
    TriggerTemplate template = new TriggerTemplate();
    template.setTriggerType("argoWorkflow");
    template.setSensorName("s");
    template.setTriggerName("t");
    template.setNamespace("argo-events");
    template.setTrigger(
        """
        template:
          name: t
          argoWorkflow:
            operation: %s
            source:
              resource: %s
        """
            .formatted(operation, resource));
    context.getRegistry().bind(id, template);
    String server =
        extraOptions.contains("&argoServer=") ? "" : "&argoServer=" + argoServer.baseUrl();
    String sink =
        "kamelet:argo-workflow-sink?operation="
            + operation
            + server
            + "&argoServerTokenSecret=argo-server-token/token"
            + extraOptions;
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:" + id).process(id).to(sink);
          }
        });
    ObjectNode data = JSON.createObjectNode().putObject("body");
    return context
        .createProducerTemplate()
        .send(
            "direct:" + id,
            e ->
                e.getMessage()
                    .setBody(
                        Map.of(
                            "d",
                            ArgoEvent.create(
                                "webhook",
                                "example",
                                "webhook",
                                JSON.createObjectNode().set("body", data)))));
  }

  private LoggedRequest onlyRequest() {
    List<LoggedRequest> requests = argoServer.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  @Test
  void submitPostsTheWorkflowWithTheBearerToken() throws Exception {
    Exchange done =
        fire(
            "submit",
            "{apiVersion: argoproj.io/v1alpha1, kind: Workflow, metadata: {generateName: hello-}, spec: {entrypoint: main}}",
            "");

    assertThat(done.getException()).isNull();
    argoServer.verify(
        postRequestedFor(urlEqualTo("/api/v1/workflows/argo-events"))
            .withHeader("Authorization", equalTo("Bearer s3cr3t"))
            .withRequestBody(
                equalToJson(
                    "{\"namespace\":\"argo-events\",\"workflow\":{\"apiVersion\":\"argoproj.io/v1alpha1\","
                        + "\"kind\":\"Workflow\",\"metadata\":{\"generateName\":\"hello-\"},\"spec\":{\"entrypoint\":\"main\"}}}",
                    true,
                    true)));
    ObjectNode sent = (ObjectNode) JSON.readTree(onlyRequest().getBodyAsString());
    assertThat(sent.at("/workflow/metadata/labels/events.argoproj.io~1sensor").asText())
        .isEqualTo("s");
    assertThat(JSON.valueToTree(done.getMessage().getBody()).at("/metadata/name").asText())
        .isEqualTo("hello-x1");
  }

  @Test
  void submitFromPostsTheTemplateKindNameAndLabels() throws Exception {
    assertThat(
            fire(
                    "submit-from",
                    "{apiVersion: argoproj.io/v1alpha1, kind: WorkflowTemplate, metadata: {name: build}}",
                    "")
                .getException())
        .isNull();

    argoServer.verify(
        postRequestedFor(urlEqualTo("/api/v1/workflows/argo-events/submit"))
            .withRequestBody(
                equalToJson(
                    "{\"namespace\":\"argo-events\",\"resourceKind\":\"WorkflowTemplate\","
                        + "\"resourceName\":\"build\"}",
                    true,
                    true)));
    String labels =
        JSON.readTree(onlyRequest().getBodyAsString()).at("/submitOptions/labels").asText();
    assertThat(labels)
        .contains(
            "events.argoproj.io/sensor=s",
            "events.argoproj.io/trigger=t",
            "events.argoproj.io/action-timestamp=");
  }

  @ParameterizedTest
  @ValueSource(strings = {"resubmit", "retry", "resume", "suspend", "terminate", "stop"})
  void workflowOperationsPutToTheirEndpoint(String operation) throws Exception {
    Exchange done =
        fire(
            operation,
            "{apiVersion: argoproj.io/v1alpha1, kind: Workflow, metadata: {name: build-abc}}",
            "");

    assertThat(done.getException()).isNull();
    String body =
        operation.equals("resubmit")
            ? "{\"namespace\":\"argo-events\",\"name\":\"build-abc\",\"memoized\":false}"
            : "{\"namespace\":\"argo-events\",\"name\":\"build-abc\"}";
    argoServer.verify(
        putRequestedFor(urlEqualTo("/api/v1/workflows/argo-events/build-abc/" + operation))
            .withHeader("Authorization", equalTo("Bearer s3cr3t"))
            .withRequestBody(equalToJson(body)));
    assertThat(onlyRequest().getMethod().getName()).isEqualTo("PUT");
  }

  @Test
  void anHttpsArgoServerWithASelfSignedCertificateNeedsArgoServerInsecure() throws Exception {
    WireMockServer https =
        new WireMockServer(options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
    https.start();
    try {
      https.stubFor(any(anyUrl()).willReturn(okJson(WORKFLOW_ANSWER)));
      String resource =
          "{apiVersion: argoproj.io/v1alpha1, kind: Workflow, metadata: {name: build-abc}}";
      String server = "https://127.0.0.1:" + https.httpsPort();

      assertThat(fire("suspend", resource, "&argoServer=" + server).getException())
          .as("certificate checked by default")
          .hasMessageContaining("Argo Server PUT");
      assertThat(
              fire("suspend", resource, "&argoServer=" + server + "&argoServerInsecure=true")
                  .getException())
          .isNull();
      https.verify(
          1, putRequestedFor(urlEqualTo("/api/v1/workflows/argo-events/build-abc/suspend")));
    } finally {
      https.stop();
    }
  }

  @Test
  void anErrorAnswerFailsTheTriggerWithTheServersMessage() throws Exception {
    argoServer.stubFor(
        any(urlEqualTo("/api/v1/workflows/argo-events/gone/retry"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody(
                        "{\"code\":5,\"message\":\"workflows.argoproj.io \\\"gone\\\" not found\"}")));

    assertThat(
            fire(
                    "retry",
                    "{apiVersion: argoproj.io/v1alpha1, kind: Workflow, metadata: {name: gone}}",
                    "")
                .getException())
        .hasMessageContaining("answered 404")
        .hasMessageContaining("\"gone\" not found");
  }

  @Test
  void policyLabelsAreCheckedOnTheWorkflowTheServerReturns() throws Exception {
    assertThat(
            fire(
                    "suspend",
                    "{apiVersion: argoproj.io/v1alpha1, kind: Workflow, metadata: {name: build-abc}}",
                    "&policyLabels=phase=Running&policySteps=2&policyDuration=10ms&policyErrorOnTimeout=true")
                .getException())
        .isNull();
    assertThat(
            fire(
                    "suspend",
                    "{apiVersion: argoproj.io/v1alpha1, kind: Workflow, metadata: {name: build-abc}}",
                    "&policyLabels=phase=Succeeded&policySteps=2&policyDuration=10ms&policyErrorOnTimeout=true")
                .getException())
        .hasMessageContaining("did not get the labels");
  }
}
