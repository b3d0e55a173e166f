package io.caravan.routes.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.api.sensor.Trigger;
import io.caravan.api.sensor.TriggerTypes;

/** The trigger type the generator would choose for a trigger written by hand in a test. */
public final class TriggerYaml {
  private static final ObjectMapper YAML =
      YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private TriggerYaml() {}

  /** The first trigger type set in the trigger's template, in Argo's order. */
  public static String type(String triggerYaml) {
    try {
      Trigger trigger = YAML.readValue(triggerYaml, Trigger.class);
      return TriggerTypes.setIn(trigger.getTemplate()).keySet().iterator().next();
    } catch (Exception e) {
      throw new IllegalArgumentException("not a trigger with a type: " + triggerYaml, e);
    }
  }
}
