package io.caravan.generator.trigger;

import io.caravan.api.sensor.Trigger;

/**
 * One trigger as a {@link TriggerTranslator} sees it: its Sensor's name and namespace (null when
 * the manifest has none), its name, the manifest's trigger and its field path
 * (e.g. {@code spec.triggers[0]}).
 */
public record TriggerInput(
    String sensorName, String namespace, String triggerName, Trigger trigger, String path) {

  /** Path of a field of this trigger's type block, e.g. {@code spec.triggers[0].template.http.url}. */
  public String typePath(String type, String field) {
    return path + ".template." + type + "." + field;
  }
}
