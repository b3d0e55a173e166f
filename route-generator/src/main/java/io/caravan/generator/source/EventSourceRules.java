package io.caravan.generator.source;

import io.caravan.api.eventsource.EventSource;
import io.caravan.api.eventsource.EventSourceSpec;
import io.caravan.generator.DeploymentSettings;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.UnknownFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Argo's EventSource validation rules (inventory §1.1, §1.4) that span types: names, unique event
 * names, no mix of leader-elected and active-active types, deployment settings, unsupported types.
 * Each event is checked by its own {@link SourceType} (bound to its model, unknown fields reported
 * at their path).
 */
public final class EventSourceRules {

  private EventSourceRules() {}

  public static void check(EventSource source, List<Diagnostic> out) {
    EventSourceSpec spec = source.getSpec();
    DeploymentSettings.applied(out, "spec.template", spec.getTemplate(), "pod template");
    DeploymentSettings.applied(out, "spec.service", spec.getService(), "Service");
    DeploymentSettings.applied(
        out,
        "spec.replicas",
        spec.getReplicas(),
        "replicas (webhook replicas all serve;"
            + " calendar events fire on the elected leader only, the holder of the Lease eventsource-<name>)");
    spec.sources().keySet().stream()
        .filter(type -> SourceTypeRegistry.get(type) == null)
        .forEach(
            type ->
                out.add(Diagnostic.unsupported("spec." + type, "EventSource type '" + type + "'")));
    for (SourceType<?> type : SourceTypeRegistry.all()) {
      checkEvents(source, type, out);
    }
    String name = source.name();
    if (name != null && name.contains(".")) {
      out.add(
          Diagnostic.error(
              "metadata.name", "EventSource name '" + name + "' must not contain '.'"));
    }
    Map<String, List<String>> eventsByType = eventNamesByType(spec);
    if (eventsByType.values().stream().allMatch(List::isEmpty)) {
      out.add(Diagnostic.error("spec", "at least one event source must be specified"));
      return;
    }
    eventNames(eventsByType, out);
    updateStrategies(eventsByType, out);
    for (String type : List.of("file", "sftp")) {
      WatchPathRules.check("spec." + type, spec.sources(type), out);
    }
  }

  private static <T> void checkEvents(
      EventSource source, SourceType<T> type, List<Diagnostic> out) {
    SourceTypeRegistry.events(type, source.getSpec(), out)
        .forEach(
            (event, config) -> {
              SourceEvent<T> input =
                  new SourceEvent<>(
                      source.name(), event, config, "spec." + type.key() + "." + event);
              if (config != null) {
                UnknownFields.report(config, input.path(), out);
              }
              type.check(input, out);
            });
  }

  private static Map<String, List<String>> eventNamesByType(EventSourceSpec spec) {
    Map<String, List<String>> byType = new LinkedHashMap<>();
    spec.sources()
        .forEach(
            (type, events) -> {
              List<String> names = new ArrayList<>();
              if (events != null && events.isObject()) {
                events.fieldNames().forEachRemaining(names::add);
              }
              byType.put(type, names);
            });
    return byType;
  }

  private static void eventNames(Map<String, List<String>> byType, List<Diagnostic> out) {
    Map<String, String> seen = new HashMap<>();
    byType.forEach(
        (type, names) -> {
          for (String event : names) {
            String path = "spec." + type + "." + event;
            if (event.contains(".")) {
              out.add(Diagnostic.error(path, "event name '" + event + "' must not contain '.'"));
            }
            String first = seen.putIfAbsent(event, type);
            if (first != null) {
              out.add(
                  Diagnostic.error(
                      path,
                      "event name '"
                          + event
                          + "' is already used by spec."
                          + first
                          + "."
                          + event
                          + "; event names must be unique across all types"));
            }
          }
        });
  }

  /** Argo refuses to mix leader-elected (active-passive) and active-active types. */
  private static void updateStrategies(Map<String, List<String>> byType, List<Diagnostic> out) {
    List<String> leaderElected = new ArrayList<>();
    List<String> activeActive = new ArrayList<>();
    byType.forEach(
        (type, names) -> {
          if (!names.isEmpty()) {
            (SourceTypeRegistry.leaderElected(type) ? leaderElected : activeActive).add(type);
          }
        });
    if (!leaderElected.isEmpty() && !activeActive.isEmpty()) {
      out.add(
          Diagnostic.error(
              "spec",
              "event sources with rolling update and recreate update strategy can not be put"
                  + " together: "
                  + activeActive
                  + " cannot share an EventSource with "
                  + leaderElected
                  + "; split them into separate EventSources"));
    }
  }
}
