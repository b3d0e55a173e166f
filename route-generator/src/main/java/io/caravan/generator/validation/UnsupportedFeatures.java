package io.caravan.generator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.eventbus.EventBusSpec;
import io.caravan.api.eventsource.EventSourceSpec;
import io.caravan.api.eventsource.WebhookEventSource;
import io.caravan.api.sensor.ArgoWorkflowTrigger;
import io.caravan.api.sensor.ArtifactLocation;
import io.caravan.api.sensor.HttpTrigger;
import io.caravan.api.sensor.SensorSpec;
import io.caravan.api.sensor.StandardK8sTrigger;
import io.caravan.api.sensor.Trigger;
import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.trigger.ArgoWorkflowTriggerTranslator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * THE list of Argo features Caravan knows but does not implement yet. Each becomes
 * {@link Diagnostic#unsupported}; shrink this class as features are implemented. Kubernetes
 * deployment settings that have no meaning outside a cluster are warnings ("ignored").
 */
final class UnsupportedFeatures {

  /** EventSource types with a generator and runtime. */
  static final Set<String> IMPLEMENTED_EVENT_SOURCE_TYPES = Set.of("webhook", "calendar");

  /** Trigger types with a generator and runtime. */
  static final Set<String> IMPLEMENTED_TRIGGER_TYPES =
      Set.of("http", "log", "k8s", "argoWorkflow", "kafka", "nats", "slack", "email", "argoCD");

  /** EventBus variants Caravan can use (the runtime's bus configuration decides the rest). */
  static final Set<String> IMPLEMENTED_EVENT_BUSES = Set.of("jetstream", "jetstreamExotic");

  private UnsupportedFeatures() {}

  static void eventSource(EventSourceSpec spec, List<Diagnostic> out) {
    deployment(out, "spec.template", spec.getTemplate(), "pod template");
    deployment(out, "spec.service", spec.getService(), "Service");
    deployment(out, "spec.replicas", spec.getReplicas(), "replicas (webhook replicas all serve; calendar events"
        + " fire on the elected leader only, the holder of the Lease eventsource-<name>)");
    spec.otherSources().keySet().stream()
        .filter(type -> !IMPLEMENTED_EVENT_SOURCE_TYPES.contains(type))
        .forEach(type -> out.add(Diagnostic.unsupported("spec." + type, "EventSource type '" + type + "'")));
    each(spec.getWebhook(), "spec.webhook", (path, webhook) -> webhook(path, webhook, out));
    // every calendar setting is implemented (persistence and catch-up included)
  }

  private static void webhook(String path, WebhookEventSource webhook, List<Diagnostic> out) {
    // every webhook setting is implemented (filter.expression included)
  }

  static void sensor(SensorSpec spec, List<Diagnostic> out) {
    deployment(out, "spec.template", spec.getTemplate(), "pod template");
    deployment(out, "spec.replicas", spec.getReplicas(), "replicas (Sensor replicas run active-active)");
    deployment(out, "spec.revisionHistoryLimit", spec.getRevisionHistoryLimit(), "revisionHistoryLimit");
    ignored(out, "spec.errorOnFailedRound", spec.getErrorOnFailedRound(), "errorOnFailedRound (Argo ignores it too)");
    ignored(out, "spec.loggingFields", spec.getLoggingFields(), "loggingFields (Argo ignores it too)");
    List<Trigger> triggers = spec.getTriggers() == null ? List.of() : spec.getTriggers();
    for (int i = 0; i < triggers.size(); i++) {
      trigger("spec.triggers[" + i + "]", triggers.get(i), out);
    }
  }

  private static void trigger(String path, Trigger trigger, List<Diagnostic> out) {
    if (trigger == null) {
      return;
    }
    if (trigger.getDlqTrigger() != null) {
      trigger(path + ".dlqTrigger", trigger.getDlqTrigger(), out);
    }
    TriggerTemplate template = trigger.getTemplate();
    if (template == null) {
      return;
    }
    String t = path + ".template";
    TriggerTypes.present(template).keySet().stream()
        .filter(type -> !IMPLEMENTED_TRIGGER_TYPES.contains(type))
        .forEach(type -> out.add(Diagnostic.unsupported(t + "." + type, type.equals("custom")
            ? io.caravan.generator.trigger.TriggerTypes.CUSTOM_UNSUPPORTED : "trigger type '" + type + "'")));
    if (template.getKafka() != null && template.getKafka().hasNonNull("schemaRegistry")) {
      out.add(Diagnostic.unsupported(t + ".kafka.schemaRegistry", "kafka Avro encoding (schemaRegistry)"));
    }
    if (template.getHttp() != null) {
      HttpTrigger http = template.getHttp();
      flag(out, t + ".http.host", http.getHost(), "HTTP host");
    }
    if (template.getK8s() != null) {
      k8s(t + ".k8s", template.getK8s(), out);
    }
    if (template.getArgoWorkflow() != null) {
      argoWorkflow(t + ".argoWorkflow", template.getArgoWorkflow(), out);
    }
  }

  private static void k8s(String path, StandardK8sTrigger k8s, List<Diagnostic> out) {
    source(path + ".source", k8s.getSource(), out);
  }

  private static void argoWorkflow(String path, ArgoWorkflowTrigger workflow, List<Diagnostic> out) {
    String argsProblem = ArgoWorkflowTriggerTranslator.argsProblem(workflow.getOperation(), workflow.getArgs());
    if (argsProblem != null) {
      out.add(Diagnostic.unsupported(path + ".args", argsProblem));
    }
    source(path + ".source", workflow.getSource(), out);
  }

  /** Trigger sources Caravan cannot read: s3, git over ssh or with a GitHub App, git remotes. */
  private static void source(String s, ArtifactLocation source, List<Diagnostic> out) {
    if (source == null) {
      return;
    }
    flag(out, s + ".s3", source.getS3(), "trigger source 's3'");
    JsonNode git = source.getGit();
    if (git != null && !git.isNull()) {
      String url = git.path("url").asText("");
      if (git.hasNonNull("sshKeySecret")) {
        out.add(Diagnostic.unsupported(s + ".git.sshKeySecret", "git over ssh (use an https URL with creds)"));
      } else if (url.startsWith("ssh://") || url.startsWith("git@")) {
        out.add(Diagnostic.unsupported(s + ".git.url", "git over ssh (use an https URL with creds)"));
      }
      if (git.hasNonNull("githubApp")) {
        out.add(Diagnostic.unsupported(s + ".git.githubApp", "git GitHub App credentials (use creds)"));
      }
      if (git.hasNonNull("remote")) {
        out.add(Diagnostic.unsupported(s + ".git.remote", "git remote"));
      }
    }
  }

  static void eventBus(EventBusSpec spec, List<Diagnostic> out) {
    flag(out, "spec.nats", spec.getNats(), "EventBus 'nats' (NATS Streaming); use jetstream");
    flag(out, "spec.kafka", spec.getKafka(), "EventBus 'kafka'; use jetstream");
  }

  private static void flag(List<Diagnostic> out, String path, Object value, String what) {
    if (value != null) {
      out.add(Diagnostic.unsupported(path, what));
    }
  }

  /** A Kubernetes setting: not part of the routes; the operator applies it to the workload it creates. */
  private static void deployment(List<Diagnostic> out, String path, Object value, String what) {
    if (value != null) {
      out.add(Diagnostic.warning(path, "not in the generated routes: " + what
          + " is applied by the Caravan operator to the Deployment it creates (caravan run ignores it)"));
    }
  }

  private static void ignored(List<Diagnostic> out, String path, Object value, String what) {
    if (value != null) {
      out.add(Diagnostic.warning(path, "ignored: " + what));
    }
  }

  private interface EntryCheck<T> {
    void check(String path, T value);
  }

  private static <T> void each(Map<String, T> map, String path, EntryCheck<T> check) {
    if (map != null) {
      map.forEach((name, value) -> {
        if (value != null) {
          check.check(path + "." + name, value);
        }
      });
    }
  }
}
