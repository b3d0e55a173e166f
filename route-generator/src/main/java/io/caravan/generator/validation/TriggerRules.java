package io.caravan.generator.validation;

import static io.caravan.generator.validation.SensorRules.blank;
import static io.caravan.generator.validation.SensorRules.required;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.sensor.ArgoWorkflowTrigger;
import io.caravan.api.sensor.ArtifactLocation;
import io.caravan.api.sensor.HttpTrigger;
import io.caravan.api.sensor.SecureHeader;
import io.caravan.api.sensor.StandardK8sTrigger;
import io.caravan.api.sensor.Trigger;
import io.caravan.api.sensor.TriggerParameter;
import io.caravan.api.sensor.TriggerPolicy;
import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.generator.Diagnostic;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Argo's Sensor validation rules for triggers and parameters (inventory §4.3–§4.8, §6). */
final class TriggerRules {

  static final Set<String> HTTP_METHODS = Set.of("GET", "DELETE", "PATCH", "POST", "PUT");
  static final Set<String> PARAMETER_OPERATIONS = Set.of("overwrite", "append", "prepend");
  static final Set<String> RATE_LIMIT_UNITS = Set.of("Second", "Minute", "Hour");

  private TriggerRules() {}

  static void check(List<Trigger> triggers, Set<String> dependencyNames, List<Diagnostic> out) {
    if (triggers == null || triggers.isEmpty()) {
      out.add(Diagnostic.error("spec.triggers", "no triggers found: at least one is required"));
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < triggers.size(); i++) {
      String path = "spec.triggers[" + i + "]";
      Trigger trigger = triggers.get(i);
      if (trigger == null || trigger.getTemplate() == null) {
        out.add(Diagnostic.error(path + ".template", "trigger template is required"));
        continue;
      }
      String name = trigger.getTemplate().getName();
      if (name != null && !name.isEmpty() && !names.add(name)) {
        out.add(Diagnostic.error(path + ".template.name", "trigger name '" + name + "' is used twice"));
      }
      trigger(path, trigger, dependencyNames, out);
    }
  }

  private static void trigger(String path, Trigger trigger, Set<String> dependencies, List<Diagnostic> out) {
    template(path + ".template", trigger.getTemplate(), dependencies, out);
    parameters(path + ".parameters", trigger.getParameters(), true, out);
    policy(path + ".policy", trigger.getPolicy(), out);
    if (trigger.getRateLimit() != null && !blank(trigger.getRateLimit().getUnit())
        && !RATE_LIMIT_UNITS.contains(trigger.getRateLimit().getUnit())) {
      out.add(Diagnostic.error(path + ".rateLimit.unit", "unit must be Second, Minute or Hour"));
    }
    retryStrategy(path + ".retryStrategy", trigger.getRetryStrategy(), out);
    if (trigger.getDlqTrigger() != null) {
      if (!Boolean.TRUE.equals(trigger.getAtLeastOnce())) {
        out.add(Diagnostic.error(path + ".atLeastOnce", "a dlqTrigger requires atLeastOnce: true"));
      }
      if (!Boolean.TRUE.equals(trigger.getDlqTrigger().getAtLeastOnce())) {
        out.add(Diagnostic.error(path + ".dlqTrigger.atLeastOnce", "a dlqTrigger must itself set atLeastOnce: true"));
      }
      if (trigger.getDlqTrigger().getTemplate() == null) {
        out.add(Diagnostic.error(path + ".dlqTrigger.template", "trigger template is required"));
      } else {
        trigger(path + ".dlqTrigger", trigger.getDlqTrigger(), dependencies, out);
      }
    }
  }

  /** What the runtime's backoff accepts: a duration in nanoseconds or as a Go duration, nothing negative. */
  private static void retryStrategy(String path, io.caravan.api.sensor.Backoff backoff, List<Diagnostic> out) {
    if (backoff == null) {
      return;
    }
    JsonNode duration = backoff.getDuration();
    if (duration != null && !duration.isNull() && !duration.isIntegralNumber()) {
      String text = duration.asText().trim();
      boolean valid = text.matches("\\d+");
      if (!valid) {
        java.time.Duration parsed = GoDuration.parse(text);
        valid = parsed != null && !parsed.isNegative();
      }
      if (!valid) {
        out.add(Diagnostic.error(path + ".duration",
            "duration '" + text + "' must be nanoseconds or a Go duration such as 500ms or 2s"));
      }
    }
    if (backoff.getSteps() != null && backoff.getSteps() < 0) {
      out.add(Diagnostic.error(path + ".steps", "steps must not be negative"));
    }
    if ((backoff.getFactor() != null && backoff.getFactor() < 0)
        || (backoff.getJitter() != null && backoff.getJitter() < 0)) {
      out.add(Diagnostic.error(path, "factor and jitter must not be negative"));
    }
  }

  private static void template(String path, TriggerTemplate template, Set<String> dependencies, List<Diagnostic> out) {
    required(out, path + ".name", template.getName(), "trigger name");
    if (!blank(template.getConditions())) {
      conditions(path + ".conditions", template.getConditions(), dependencies, out);
    }
    conditionsReset(path + ".conditionsReset", template.getConditionsReset(), out);
    var types = TriggerTypes.present(template);
    if (types.isEmpty()) {
      out.add(Diagnostic.error(path, "trigger type is not specified: set one of http, log, k8s, …"));
    } else if (types.size() > 1) {
      out.add(Diagnostic.warning(path, "several trigger types " + types.keySet() + "; only '"
          + types.keySet().iterator().next() + "' is used"));
    }
    if (template.getHttp() != null) {
      http(path + ".http", template.getHttp(), out);
    }
    if (template.getHttp() != null) {
      TlsSaslRules.tls(path + ".http.tls", template.getHttp().getTls(), out);
    }
    if (template.getKafka() != null) {
      TlsSaslRules.tls(path + ".kafka.tls", template.getKafka().get("tls"), out);
      TlsSaslRules.sasl(path + ".kafka.sasl", template.getKafka().get("sasl"), out);
    }
    if (template.getNats() != null) {
      TlsSaslRules.tls(path + ".nats.tls", template.getNats().get("tls"), out);
    }
    if (template.getK8s() != null) {
      k8s(path + ".k8s", template.getK8s(), out);
    }
    if (template.getArgoWorkflow() != null) {
      argoWorkflow(path + ".argoWorkflow", template.getArgoWorkflow(), out);
    }
    if (template.getLog() != null && template.getLog().getIntervalSeconds() != null
        && template.getLog().getIntervalSeconds() < 0) {
      out.add(Diagnostic.error(path + ".log.intervalSeconds", "intervalSeconds must not be negative"));
    }
  }

  private static void conditions(String path, String expression, Set<String> dependencies, List<Diagnostic> out) {
    ConditionsExpression.Result result = ConditionsExpression.check(expression);
    if (!result.isValid()) {
      out.add(Diagnostic.error(path, "invalid conditions '" + expression + "': " + result.problem()));
      return;
    }
    for (String name : result.names()) {
      if (!dependencies.contains(name)) {
        out.add(Diagnostic.error(path, "conditions reference unknown dependency '" + name + "'"));
      }
    }
  }

  private static void conditionsReset(String path, JsonNode resets, List<Diagnostic> out) {
    if (resets == null || !resets.isArray()) {
      return;
    }
    for (int i = 0; i < resets.size(); i++) {
      JsonNode byTime = resets.get(i).path("byTime");
      if (byTime.isMissingNode()) {
        continue;
      }
      String cron = byTime.path("cron").asText("");
      String problem = CronSchedule.problem(cron);
      if (problem != null) {
        out.add(Diagnostic.error(path + "[" + i + "].byTime.cron", "invalid cron '" + cron + "': " + problem));
      }
      String zone = byTime.path("timezone").asText("");
      if (!TimeZones.isValid(zone)) {
        out.add(Diagnostic.error(path + "[" + i + "].byTime.timezone", "unknown time zone '" + zone + "'"));
      }
    }
  }

  private static void http(String path, HttpTrigger http, List<Diagnostic> out) {
    required(out, path + ".url", http.getUrl(), "url");
    if (!blank(http.getMethod()) && !HTTP_METHODS.contains(http.getMethod())) {
      out.add(Diagnostic.error(path + ".method", "method '" + http.getMethod() + "' must be one of GET, DELETE, PATCH, POST, PUT"));
    }
    if (http.getTimeout() != null && http.getTimeout() < 0) {
      out.add(Diagnostic.error(path + ".timeout", "timeout must not be negative"));
    }
    parameters(path + ".payload", http.getPayload(), false, out);
    parameters(path + ".parameters", http.getParameters(), true, out);
    parameters(path + ".dynamicHeaders", http.getDynamicHeaders(), true, out);
    List<SecureHeader> secureHeaders = http.getSecureHeaders() == null ? List.of() : http.getSecureHeaders();
    for (int i = 0; i < secureHeaders.size(); i++) {
      String p = path + ".secureHeaders[" + i + "]";
      SecureHeader header = secureHeaders.get(i);
      required(out, p + ".name", header == null ? null : header.getName(), "header name");
      var from = header == null ? null : header.getValueFrom();
      if (from == null || (from.getSecretKeyRef() == null) == (from.getConfigMapKeyRef() == null)) {
        out.add(Diagnostic.error(p + ".valueFrom", "valueFrom needs exactly one of secretKeyRef or configMapKeyRef"));
      } else if (from.getSecretKeyRef() != null) {
        EventSourceRules.secret(p + ".valueFrom.secretKeyRef", from.getSecretKeyRef(), out);
      } else {
        required(out, p + ".valueFrom.configMapKeyRef.name", from.getConfigMapKeyRef().getName(), "ConfigMap name");
        required(out, p + ".valueFrom.configMapKeyRef.key", from.getConfigMapKeyRef().getKey(), "ConfigMap key");
      }
    }
  }

  private static void k8s(String path, StandardK8sTrigger k8s, List<Diagnostic> out) {
    ArtifactLocation source = k8s.getSource();
    if (source == null) {
      out.add(Diagnostic.error(path + ".source", "source is required"));
    } else if (source.getResource() == null && source.getInline() == null && source.getConfigmap() == null
        && source.getFile() == null && source.getUrl() == null && source.getGit() == null && source.getS3() == null) {
      out.add(Diagnostic.error(path + ".source", "source needs one of resource, inline, configmap, file, url, git, s3"));
    }
    if (blank(k8s.getOperation())) {
      out.add(Diagnostic.error(path + ".operation", "operation is required (create, update, patch or delete)"));
    } else if (!TriggerTypes.K8S_OPERATIONS.contains(k8s.getOperation())) {
      out.add(Diagnostic.error(path + ".operation",
          "unknown operation '" + k8s.getOperation() + "': expected create, update, patch or delete"));
    }
    parameters(path + ".parameters", k8s.getParameters(), true, out);
  }

  private static void argoWorkflow(String path, ArgoWorkflowTrigger workflow, List<Diagnostic> out) {
    if (workflow.getSource() == null) {
      out.add(Diagnostic.error(path + ".source", "source is required"));
    }
    if (blank(workflow.getOperation())) {
      out.add(Diagnostic.error(path + ".operation",
          "operation is required (" + String.join(", ", TriggerTypes.ARGO_WORKFLOW_OPERATIONS) + ")"));
    } else if (!TriggerTypes.ARGO_WORKFLOW_OPERATIONS.contains(workflow.getOperation())) {
      out.add(Diagnostic.error(path + ".operation", "unknown operation '" + workflow.getOperation()
          + "': expected one of " + String.join(", ", TriggerTypes.ARGO_WORKFLOW_OPERATIONS)));
    }
    parameters(path + ".parameters", workflow.getParameters(), true, out);
  }

  private static void policy(String path, TriggerPolicy policy, List<Diagnostic> out) {
    if (policy == null) {
      return;
    }
    if (policy.getStatus() != null && (policy.getStatus().getAllow() == null || policy.getStatus().getAllow().isEmpty())) {
      out.add(Diagnostic.error(path + ".status.allow", "status policy needs at least one allowed status"));
    }
    if (policy.getK8s() != null && policy.getK8s().path("labels").isEmpty()) {
      out.add(Diagnostic.error(path + ".k8s.labels", "k8s policy needs labels"));
    }
  }

  private static void parameters(String path, List<TriggerParameter> parameters, boolean destRequired, List<Diagnostic> out) {
    if (parameters == null) {
      return;
    }
    for (int i = 0; i < parameters.size(); i++) {
      String p = path + "[" + i + "]";
      TriggerParameter parameter = parameters.get(i);
      if (parameter == null || parameter.getSrc() == null) {
        out.add(Diagnostic.error(p + ".src", "parameter source (src) is required"));
      } else {
        required(out, p + ".src.dependencyName", parameter.getSrc().getDependencyName(), "src.dependencyName");
        ExpressionSyntax.parameterSource(p + ".src", parameter.getSrc(), out);
      }
      if (parameter == null) {
        continue;
      }
      if (destRequired) {
        required(out, p + ".dest", parameter.getDest(), "dest");
      }
      String operation = parameter.getOperation();
      if (!blank(operation) && !PARAMETER_OPERATIONS.contains(operation)) {
        out.add(Diagnostic.error(p + ".operation", "operation '" + operation + "' must be overwrite, append or prepend"));
      }
    }
  }
}
