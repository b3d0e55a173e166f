package io.caravan.generator.trigger.argoworkflow;

import io.caravan.api.sensor.ArgoWorkflowTrigger;
import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.trigger.K8sPolicyParameters;
import io.caravan.generator.trigger.TriggerInput;
import io.caravan.generator.trigger.TriggerSources;
import io.caravan.generator.trigger.TriggerType;
import io.caravan.generator.yaml.Ordered;
import io.caravan.generator.yaml.UriParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code template.argoWorkflow} → {@code kamelet:argo-workflow-sink} with the {@code operation},
 * the Sensor's namespace and the {@code policy.k8s} parameters. Without the {@code argo} CLI, the
 * runtime acts on Workflow objects through the Kubernetes API, or, when the Sensor is annotated
 * {@code caravan.io/argo-server: <url>} (and {@code caravan.io/argo-server-token-secret:
 * <secret>/<key>}, {@code caravan.io/argo-server-insecure-skip-verify: "true"}), through the Argo
 * Server REST API ({@code argoServer}, {@code argoServerTokenSecret}, {@code argoServerInsecure}).
 */
public final class ArgoWorkflowTriggerType implements TriggerType {

  static final List<String> OPERATIONS =
      List.of(
          "submit", "submit-from", "resubmit", "retry", "resume", "suspend", "terminate", "stop");
  static final String ARGO_SERVER_ANNOTATION = "caravan.io/argo-server";
  static final String ARGO_SERVER_TOKEN_ANNOTATION = "caravan.io/argo-server-token-secret";
  static final String ARGO_SERVER_INSECURE_ANNOTATION =
      "caravan.io/argo-server-insecure-skip-verify";

  @Override
  public String key() {
    return "argoWorkflow";
  }

  @Override
  public void check(String path, TriggerTemplate template, List<Diagnostic> out) {
    ArgoWorkflowTrigger workflow = template.getArgoWorkflow();
    ArgoWorkflowTriggerRules.check(path + ".argoWorkflow", workflow, out);
    String argsProblem = argsProblem(workflow.getOperation(), workflow.getArgs());
    if (argsProblem != null) {
      out.add(Diagnostic.unsupported(path + ".argoWorkflow.args", argsProblem));
    }
    TriggerSources.unsupported(path + ".argoWorkflow.source", workflow.getSource(), out);
  }

  @Override
  public Map<String, Object> sink(TriggerInput input, Diagnostics diagnostics) {
    ArgoWorkflowTrigger workflow = input.trigger().getTemplate().getArgoWorkflow();
    String operation = workflow.getOperation();
    boolean ok = true;
    if (operation == null || operation.isEmpty()) {
      diagnostics.error(
          input.typePath("argoWorkflow", "operation"),
          "operation is required (" + String.join(", ", OPERATIONS) + ")");
      ok = false;
    } else if (!OPERATIONS.contains(operation)) {
      diagnostics.error(
          input.typePath("argoWorkflow", "operation"),
          "unknown operation '"
              + operation
              + "': expected one of "
              + String.join(", ", OPERATIONS));
      ok = false;
    }
    String argsProblem = argsProblem(operation, workflow.getArgs());
    if (argsProblem != null) {
      diagnostics.unsupported(input.typePath("argoWorkflow", "args"), argsProblem);
      ok = false;
    }
    ok &=
        TriggerSources.check(
            workflow.getSource(), input.typePath("argoWorkflow", "source"), diagnostics);
    String server = annotation(input, ARGO_SERVER_ANNOTATION);
    String token = annotation(input, ARGO_SERVER_TOKEN_ANNOTATION);
    if (token != null && !token.matches("[^/\\s]+/[^/\\s]+")) {
      diagnostics.error(
          "metadata.annotations." + ARGO_SERVER_TOKEN_ANNOTATION,
          "must be a Secret reference '<name>/<key>'");
      ok = false;
    }
    if (token != null && server == null) {
      diagnostics.warning(
          "metadata.annotations." + ARGO_SERVER_TOKEN_ANNOTATION,
          "ignored: no " + ARGO_SERVER_ANNOTATION + " annotation");
      token = null;
    }
    String insecure = annotation(input, ARGO_SERVER_INSECURE_ANNOTATION);
    if (insecure != null && !insecure.equals("true") && !insecure.equals("false")) {
      diagnostics.error(
          "metadata.annotations." + ARGO_SERVER_INSECURE_ANNOTATION, "must be true or false");
      ok = false;
    }
    Map<String, Object> policy = K8sPolicyParameters.of(input, diagnostics);
    if (!ok || policy == null) {
      return null;
    }
    Map<String, Object> parameters =
        new LinkedHashMap<>(
            Ordered.map(
                "operation", operation,
                "namespace", input.namespace(),
                "argoServer", server,
                "argoServerTokenSecret", token,
                "argoServerInsecure",
                    server != null && "true".equals(insecure) ? Boolean.TRUE : null));
    parameters.putAll(policy);
    return Ordered.map(
        "uri", "kamelet:argo-workflow-sink", "parameters", UriParameters.of(parameters));
  }

  /** What Caravan cannot do with {@code args} (the unsupported-diagnostic text), or null. */
  public static String argsProblem(String operation, List<String> args) {
    if (args == null || args.isEmpty()) {
      return null;
    }
    if (!"submit".equals(operation)) {
      return "argo CLI arguments with operation '" + operation + "' (only with submit)";
    }
    String problem = ArgoSubmitArgs.firstProblem(args);
    return problem == null
        ? null
        : "argo CLI argument "
            + problem
            + " (supported: "
            + String.join(", ", ArgoSubmitArgs.FLAGS.stream().sorted().toList())
            + ")";
  }

  private static String annotation(TriggerInput input, String name) {
    String value = input.sensorAnnotations().get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
