package io.caravan.routes.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.sensor.ArtifactLocation;
import io.caravan.api.sensor.HttpTrigger;
import io.caravan.api.sensor.StandardK8sTrigger;
import io.caravan.api.sensor.TriggerTemplate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which trigger type a template runs (the first one set, in Argo's order, then Caravan's argoCD) and
 * whether this runtime supports it: k8s (operation create, inline {@code source.resource} or
 * {@code source.inline}), http (without {@code host}), log, and the types configured as a JSON block
 * ({@link #BLOCK_KINDS}). Anything else is a clear error naming the field.
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
      case "http" -> checkHttp(template.getHttp(), path + ".http", where);
      case "log" -> { }
      default -> {
        if (!BLOCK_KINDS.contains(kind)) {
          throw new IllegalArgumentException(
              where + path + "." + kind + ": trigger type '" + kind
                  + "' is not supported by the runtime (k8s, http, log, " + String.join(", ",
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
    if (op != null && !op.isEmpty() && !op.equals("create")) {
      throw new IllegalArgumentException(
          where + path + ".operation: '" + op + "' is not supported by the runtime (create)");
    }
    ArtifactLocation source = k8s.getSource();
    if (source == null || (source.getResource() == null && source.getInline() == null)) {
      String other = source == null ? null : otherSource(source);
      throw new IllegalArgumentException(
          where + path + ".source"
              + (other == null ? ": resource or inline is required"
                  : "." + other + ": is not supported by the runtime (resource, inline)"));
    }
  }

  private static String otherSource(ArtifactLocation source) {
    if (source.getConfigmap() != null) {
      return "configmap";
    }
    if (source.getFile() != null) {
      return "file";
    }
    if (source.getUrl() != null) {
      return "url";
    }
    if (source.getGit() != null) {
      return "git";
    }
    if (source.getS3() != null) {
      return "s3";
    }
    return null;
  }

  private static void checkHttp(HttpTrigger http, String path, String where) {
    if (http.getHost() != null && !http.getHost().isNull()) {
      throw new IllegalArgumentException(where + path + ".host: is not supported by the runtime");
    }
  }
}
