package io.caravan.routes.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.sensor.ArgoWorkflowTrigger;
import io.caravan.api.sensor.ArtifactLocation;
import io.caravan.api.sensor.HttpTrigger;
import io.caravan.api.sensor.StandardK8sTrigger;
import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.routes.trigger.argo.ArgoSubmitArguments;
import io.caravan.routes.trigger.argo.ArgoWorkflowOperation;
import io.caravan.routes.trigger.kubernetes.KubernetesResourceOperations;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which trigger type a template runs (the first one set, in Argo's order, then Caravan's argoCD) and
 * whether this runtime supports it: k8s (create, update, patch, delete; every source but s3),
 * argoWorkflow (its operations; every source but s3), http (without {@code host}), log, and the types
 * configured as a JSON block ({@link #BLOCK_KINDS}). Anything else is a clear error naming the field.
 */
final class TriggerKinds {
  /** Types whose block is passed to their sink as JSON (see {@link TriggerSpecMessage}). */
  static final java.util.Set<String> BLOCK_KINDS =
      java.util.Set.of("kafka", "nats", "slack", "email", "argoCD");

  private TriggerKinds() {}

  /** The block of a {@link #BLOCK_KINDS} type. */
  static JsonNode block(TriggerTemplate t, String kind) {
    return switch (kind) {
      case "kafka" -> t.getKafka();
      case "nats" -> t.getNats();
      case "slack" -> t.getSlack();
      case "email" -> t.getEmail();
      case "argoCD" -> t.getArgoCD();
      default -> throw new IllegalArgumentException("not a block trigger type: " + kind);
    };
  }

  static void check(TriggerTemplate template, String path, String where) {
    String kind = firstKind(template);
    if (kind == null) {
      throw new IllegalArgumentException(where + path + ": no trigger type is set");
    }
    switch (kind) {
      case "k8s" -> checkK8s(template.getK8s(), path + ".k8s", where);
      case "argoWorkflow" -> checkArgoWorkflow(template.getArgoWorkflow(), path + ".argoWorkflow", where);
      case "http" -> checkHttp(template.getHttp(), path + ".http", where);
      case "log" -> { }
      default -> {
        if (!BLOCK_KINDS.contains(kind)) {
          throw new IllegalArgumentException(
              where + path + "." + kind + ": trigger type '" + kind
                  + "' is not supported by the runtime (k8s, argoWorkflow, http, log, " + String.join(", ",
                      new java.util.TreeSet<>(BLOCK_KINDS)) + ")");
        }
        if (!block(template, kind).isObject()) {
          throw new IllegalArgumentException(where + path + "." + kind + ": must be a mapping");
        }
      }
    }
  }

  static String firstKind(TriggerTemplate t) {
    Map<String, Object> kinds = new LinkedHashMap<>();
    kinds.put("k8s", t.getK8s());
    kinds.put("argoWorkflow", t.getArgoWorkflow());
    kinds.put("http", t.getHttp());
    kinds.put("awsLambda", t.getAwsLambda());
    kinds.put("azureEventHubs", t.getAzureEventHubs());
    kinds.put("azureServiceBus", t.getAzureServiceBus());
    kinds.put("kafka", t.getKafka());
    kinds.put("pulsar", t.getPulsar());
    kinds.put("nats", t.getNats());
    kinds.put("slack", t.getSlack());
    kinds.put("openWhisk", t.getOpenWhisk());
    kinds.put("custom", t.getCustom());
    kinds.put("log", t.getLog());
    kinds.put("email", t.getEmail());
    kinds.put("argoCD", t.getArgoCD());
    for (Map.Entry<String, Object> entry : kinds.entrySet()) {
      Object value = entry.getValue();
      if (value != null && !(value instanceof JsonNode node && node.isNull())) {
        return entry.getKey();
      }
    }
    return null;
  }

  private static void checkK8s(StandardK8sTrigger k8s, String path, String where) {
    String op = k8s.getOperation();
    if (op != null && !op.isEmpty() && !KubernetesResourceOperations.OPERATIONS.contains(op)) {
      throw new IllegalArgumentException(where + path + ".operation: '" + op
          + "' is not supported by the runtime (" + String.join(", ", KubernetesResourceOperations.OPERATIONS) + ")");
    }
    checkSource(k8s.getSource(), path + ".source", where);
  }

  private static void checkArgoWorkflow(ArgoWorkflowTrigger workflow, String path, String where) {
    String op = workflow.getOperation();
    if (op != null && !op.isEmpty() && !ArgoWorkflowOperation.NAMES.contains(op)) {
      throw new IllegalArgumentException(where + path + ".operation: '" + op
          + "' is not supported by the runtime (" + String.join(", ", ArgoWorkflowOperation.NAMES) + ")");
    }
    checkSource(workflow.getSource(), path + ".source", where);
    if (workflow.getArgs() != null && !workflow.getArgs().isEmpty()) {
      if (op != null && !op.isEmpty() && !op.equals("submit")) {
        throw new IllegalArgumentException(where + path + ".args: only supported with operation submit");
      }
      try {
        ArgoSubmitArguments.check(workflow.getArgs(), path + ".args");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + e.getMessage(), e);
      }
    }
  }

  private static void checkSource(ArtifactLocation source, String path, String where) {
    if (source == null) {
      throw new IllegalArgumentException(where + path + ": is required");
    }
    if (source.getS3() != null && !source.getS3().isNull()) {
      throw new IllegalArgumentException(where + path + ".s3: is not supported by the runtime "
          + "(resource, inline, configmap, file, url, git)");
    }
    if (source.getResource() == null && source.getInline() == null && source.getConfigmap() == null
        && source.getFile() == null && source.getUrl() == null && source.getGit() == null) {
      throw new IllegalArgumentException(
          where + path + ": needs one of resource, inline, configmap, file, url, git");
    }
  }

  private static void checkHttp(HttpTrigger http, String path, String where) {
    if (http.getHost() != null && !http.getHost().isNull()) {
      throw new IllegalArgumentException(where + path + ".host: is not supported by the runtime");
    }
  }
}
