package io.caravan.generator.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ModelBinding;
import io.caravan.api.eventsource.EventSourceSpec;
import io.caravan.api.eventsource.EventSourceTypes;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.support.KeyedServices;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EventSource types Caravan runs: every {@link SourceType} registered in {@code
 * META-INF/services/io.caravan.generator.source.SourceType}, in Argo's documentation order. A spec
 * key without a registered type is reported as unsupported.
 */
public final class SourceTypeRegistry {

  private static final Map<String, SourceType<?>> BY_KEY = load();

  private SourceTypeRegistry() {}

  /** The registered type for a spec key, or null when Caravan does not run it. */
  public static SourceType<?> get(String key) {
    return BY_KEY.get(key);
  }

  /** Every registered type, in Argo's order. */
  public static List<SourceType<?>> all() {
    return List.copyOf(BY_KEY.values());
  }

  /**
   * Whether events of {@code key} run leader-elected: the registered type says, else Argo's list
   * does.
   */
  public static boolean leaderElected(String key) {
    SourceType<?> type = BY_KEY.get(key);
    return type != null ? type.leaderElected() : EventSourceTypes.LEADER_ELECTED.contains(key);
  }

  /**
   * The events of {@code type} in {@code spec}, bound to the type's model, keyed by event name in
   * manifest order (an event given no settings maps to null). An event whose settings do not fit
   * the model is left out and reported as an error at its field path.
   */
  public static <T> Map<String, T> events(
      SourceType<T> type, EventSourceSpec spec, List<Diagnostic> out) {
    Map<String, T> events = new LinkedHashMap<>();
    JsonNode all = spec.sources(type.key());
    String path = "spec." + type.key();
    if (all == null || all.isNull()) {
      return events;
    }
    if (!all.isObject()) {
      out.add(Diagnostic.error(path, "expected a mapping of event names to their settings"));
      return events;
    }
    all.fields()
        .forEachRemaining(
            entry -> {
              ModelBinding<T> bound = ModelBinding.bind(entry.getValue(), type.model());
              if (bound.ok()) {
                events.put(entry.getKey(), bound.value());
              } else {
                String at = path + "." + entry.getKey();
                out.add(Diagnostic.error(bound.errorPath(at), bound.error()));
              }
            });
    return events;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, SourceType<?>> load() {
    return (Map)
        KeyedServices.load(SourceType.class, SourceType::key, EventSourceTypes.ALL, "source type");
  }
}
