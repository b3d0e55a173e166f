package io.caravan.generator.source;

import io.caravan.api.eventsource.EventSource;
import io.caravan.api.eventsource.EventSourceSpec;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.Names;
import io.caravan.generator.yaml.Ordered;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles an EventSource into one route per event: the type's source endpoint, then {@code
 * argo-event:} (wrap into a CloudEvent) and {@code eventbus:} (publish). Types without a registered
 * {@link SourceType} are reported as unsupported. Routes of Argo's active-passive types (calendar)
 * carry {@code routePolicy: eventSourceLeader}: with replicas, the runtime runs them on the Lease
 * holder only.
 */
public final class EventSourceTranslator {

  /**
   * The runtime's route policy bean that runs a route only on the elected replica (inventory §1.3).
   */
  public static final String LEADER_POLICY = "eventSourceLeader";

  private final List<SourceType<?>> types;

  /** The translator of every registered source type ({@link SourceTypeRegistry}). */
  public EventSourceTranslator() {
    this(SourceTypeRegistry.all());
  }

  public EventSourceTranslator(List<SourceType<?>> types) {
    this.types = List.copyOf(types);
  }

  /** The route items ({@code - route:} maps) of {@code eventSource}, in manifest order. */
  public List<Map<String, Object>> translate(EventSource eventSource, Diagnostics diagnostics) {
    List<Map<String, Object>> routes = new ArrayList<>();
    EventSourceSpec spec = eventSource.getSpec();
    String name = eventSource.name();
    if (!Names.check(name, "EventSource name", "metadata.name", diagnostics)) {
      return routes;
    }
    if (spec == null) {
      diagnostics.error("spec", "spec is missing");
      return routes;
    }
    Map<String, String> typeOfEvent = new HashMap<>();
    for (SourceType<?> type : types) {
      translateType(name, spec, type, typeOfEvent, routes, diagnostics);
    }
    spec.sources().keySet().stream()
        .filter(type -> types.stream().noneMatch(t -> t.key().equals(type)))
        .forEach(
            type -> diagnostics.unsupported("spec." + type, "EventSource type '" + type + "'"));
    return routes;
  }

  private static <T> void translateType(
      String eventSource,
      EventSourceSpec spec,
      SourceType<T> translator,
      Map<String, String> typeOfEvent,
      List<Map<String, Object>> routes,
      Diagnostics diagnostics) {
    String type = translator.key();
    List<Diagnostic> bindingErrors = new ArrayList<>();
    Map<String, T> events = SourceTypeRegistry.events(translator, spec, bindingErrors);
    diagnostics.addAll(bindingErrors);
    for (Map.Entry<String, T> entry : events.entrySet()) {
      String event = entry.getKey();
      String path = "spec." + type + "." + event;
      if (!Names.check(event, "event name", path, diagnostics)) {
        continue;
      }
      String otherType = typeOfEvent.putIfAbsent(event, type);
      if (otherType != null) {
        diagnostics.error(
            path,
            "event name '"
                + event
                + "' is already used by spec."
                + otherType
                + "."
                + event
                + " (event names must be unique across all types)");
        continue;
      }
      Map<String, Object> from =
          translator.from(
              new SourceEvent<>(eventSource, event, entry.getValue(), path), diagnostics);
      if (from != null) {
        String filter = translator.filterExpression(entry.getValue());
        if (filter != null && !filter.isBlank()) {
          routes.add(Ordered.map("beans", List.of(filterBean(eventSource, event, filter))));
        }
        routes.add(
            route(
                eventSource,
                event,
                translator.eventType(),
                from,
                filter != null && !filter.isBlank(),
                translator.leaderElected()));
      }
    }
  }

  private static Map<String, Object> filterBean(
      String eventSource, String event, String expression) {
    return Ordered.map(
        "name", Names.eventSourceFilterBean(eventSource, event),
        "type", "caravan:event-source-filter",
        "properties",
            Ordered.map(
                "eventSourceName", eventSource,
                "eventName", event,
                "expression", expression));
  }

  private static Map<String, Object> route(
      String eventSource,
      String event,
      String type,
      Map<String, Object> from,
      boolean filtered,
      boolean leaderElected) {
    String target = eventSource + "/" + event;
    List<Object> publish =
        List.of(
            Ordered.map(
                "to",
                Ordered.map(
                    "uri", "argo-event:" + target, "parameters", Ordered.map("type", type))),
            Ordered.map("to", Ordered.map("uri", "eventbus:" + target)));
    List<Object> steps =
        !filtered
            ? publish
            : List.of(
                Ordered.map(
                    "filter",
                    Ordered.map(
                        "method",
                        Ordered.map(
                            "ref",
                            Names.eventSourceFilterBean(eventSource, event),
                            "method",
                            "accept"),
                        "steps",
                        publish)));
    return Ordered.map(
        "route",
        Ordered.map(
            "id",
            Names.eventSourceRouteId(eventSource, event),
            "description",
            type
                + " event '"
                + event
                + "' of EventSource '"
                + eventSource
                + "', published to "
                + Names.busSubject(eventSource, event)
                + (filtered ? " when its filter passes" : ""),
            "routePolicy",
            leaderElected ? LEADER_POLICY : null,
            "from",
            Ordered.withSteps(from, steps)));
  }
}
