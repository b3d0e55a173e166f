package io.caravan.generator.trigger;

import io.caravan.api.sensor.Trigger;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One trigger as a {@link TriggerTranslator} sees it: its Sensor's name and namespace (null when
 * the manifest has none), its name, the manifest's trigger, its field path (e.g. {@code
 * spec.triggers[0]}) and the Sensor's {@code metadata.annotations} (never null).
 */
public record TriggerInput(
    String sensorName,
    String namespace,
    String triggerName,
    Trigger trigger,
    String path,
    Map<String, String> sensorAnnotations) {

  public TriggerInput {
    sensorAnnotations = sensorAnnotations == null ? Map.of() : Map.copyOf(sensorAnnotations);
  }

  /** A trigger of a Sensor without annotations. */
  public TriggerInput(
      String sensorName, String namespace, String triggerName, Trigger trigger, String path) {
    this(sensorName, namespace, triggerName, trigger, path, Map.of());
  }

  /**
   * Path of a field of this trigger's type block, e.g. {@code spec.triggers[0].template.http.url}.
   */
  public String typePath(String type, String field) {
    return path + ".template." + type + "." + field;
  }

  /**
   * The trigger's {@code policy.status.allow} as comma-separated codes, or null when it has none.
   */
  public String statusAllow() {
    var policy = trigger.getPolicy();
    if (policy == null
        || policy.getStatus() == null
        || policy.getStatus().getAllow() == null
        || policy.getStatus().getAllow().isEmpty()) {
      return null;
    }
    return policy.getStatus().getAllow().stream()
        .map(String::valueOf)
        .collect(Collectors.joining(","));
  }
}
