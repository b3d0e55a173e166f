package io.caravan.generator.validation;

import io.caravan.api.eventbus.EventBusSpec;
import io.caravan.api.eventsource.CalendarEventSource;
import io.caravan.api.eventsource.EventSourceSpec;
import io.caravan.api.eventsource.WebhookEventSource;
import io.caravan.api.sensor.ArtifactLocation;
import io.caravan.api.sensor.HttpTrigger;
import io.caravan.api.sensor.SensorSpec;
import io.caravan.api.sensor.StandardK8sTrigger;
import io.caravan.api.sensor.Trigger;
import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.generator.Diagnostic;
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
  static final Set<String> IMPLEMENTED_TRIGGER_TYPES = Set.of("http", "log", "k8s");

  /** k8s trigger operations implemented. */
  static final Set<String> IMPLEMENTED_K8S_OPERATIONS = Set.of("create");

  /** EventBus variants Caravan can use (the runtime's bus configuration decides the rest). */
  static final Set<String> IMPLEMENTED_EVENT_BUSES = Set.of("jetstream", "jetstreamExotic");

  private UnsupportedFeatures() {}

  static void eventSource(EventSourceSpec spec, List<Diagnostic> out) {
    ignored(out, "spec.template", spec.getTemplate(), "pod template (a Kubernetes deployment setting)");
    ignored(out, "spec.service", spec.getService(), "Kubernetes Service (a Kubernetes deployment setting)");
    ignored(out, "spec.replicas", spec.getReplicas(), "replicas (a Kubernetes deployment setting)");
    spec.otherSources().keySet().stream()
        .filter(type -> !IMPLEMENTED_EVENT_SOURCE_TYPES.contains(type))
        .forEach(type -> out.add(Diagnostic.unsupported("spec." + type, "EventSource type '" + type + "'")));
    each(spec.getWebhook(), "spec.webhook", (path, webhook) -> webhook(path, webhook, out));
    each(spec.getCalendar(), "spec.calendar", (path, calendar) -> calendar(path, calendar, out));
  }

  private static void webhook(String path, WebhookEventSource webhook, List<Diagnostic> out) {
    if (webhook.getFilter() != null) {
      flag(out, path + ".filter", webhook.getFilter().getExpression(), "event-source filter expression");
    }
  }

  private static void calendar(String path, CalendarEventSource calendar, List<Diagnostic> out) {
    flag(out, path + ".persistence", calendar.getPersistence(), "calendar persistence (catch-up)");
    if (calendar.getFilter() != null) {
      flag(out, path + ".filter", calendar.getFilter().getExpression(), "event-source filter expression");
    }
  }

  static void sensor(SensorSpec spec, List<Diagnostic> out) {
    ignored(out, "spec.template", spec.getTemplate(), "pod template (a Kubernetes deployment setting)");
    ignored(out, "spec.replicas", spec.getReplicas(), "replicas (a Kubernetes deployment setting)");
    ignored(out, "spec.revisionHistoryLimit", spec.getRevisionHistoryLimit(), "revisionHistoryLimit (a Kubernetes deployment setting)");
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
    if (trigger.getPolicy() != null) {
      flag(out, path + ".policy.k8s", trigger.getPolicy().getK8s(), "k8s trigger policy");
    }
    TriggerTemplate template = trigger.getTemplate();
    if (template == null) {
      return;
    }
    String t = path + ".template";
    TriggerTypes.present(template).keySet().stream()
        .filter(type -> !IMPLEMENTED_TRIGGER_TYPES.contains(type))
        .forEach(type -> out.add(Diagnostic.unsupported(t + "." + type, "trigger type '" + type + "'")));
    if (template.getHttp() != null) {
      HttpTrigger http = template.getHttp();
      flag(out, t + ".http.basicAuth", http.getBasicAuth(), "HTTP basicAuth");
      flag(out, t + ".http.tls", http.getTls(), "HTTP tls");
      flag(out, t + ".http.host", http.getHost(), "HTTP host");
    }
    if (template.getK8s() != null) {
      k8s(t + ".k8s", template.getK8s(), out);
    }
  }

  private static void k8s(String path, StandardK8sTrigger k8s, List<Diagnostic> out) {
    String operation = k8s.getOperation();
    if (operation != null && !operation.isEmpty() && !IMPLEMENTED_K8S_OPERATIONS.contains(operation)
        && TriggerTypes.K8S_OPERATIONS.contains(operation)) {
      out.add(Diagnostic.unsupported(path + ".operation", "k8s operation '" + operation + "'"));
    }
    flag(out, path + ".patchStrategy", k8s.getPatchStrategy(), "k8s patchStrategy");
    flag(out, path + ".liveObject", k8s.getLiveObject(), "k8s liveObject");
    ArtifactLocation source = k8s.getSource();
    if (source != null) {
      String s = path + ".source";
      flag(out, s + ".inline", source.getInline(), "k8s source 'inline' (use 'resource')");
      flag(out, s + ".configmap", source.getConfigmap(), "k8s source 'configmap'");
      flag(out, s + ".file", source.getFile(), "k8s source 'file'");
      flag(out, s + ".url", source.getUrl(), "k8s source 'url'");
      flag(out, s + ".git", source.getGit(), "k8s source 'git'");
      flag(out, s + ".s3", source.getS3(), "k8s source 's3'");
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
