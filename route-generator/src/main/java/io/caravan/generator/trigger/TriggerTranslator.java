package io.caravan.generator.trigger;

import io.caravan.generator.Diagnostics;
import java.util.Map;

/**
 * Translates one trigger type (a key of {@code template}, e.g. {@code http}) into the sink step
 * at the end of the trigger route. One implementation per supported trigger type.
 */
public interface TriggerTranslator {

  /** The template key of this type, e.g. {@code http}. */
  String type();

  /**
   * The {@code to:} map (uri and parameters) of the trigger route, or null when the trigger
   * cannot run; then at least one diagnostic is added.
   */
  Map<String, Object> sink(TriggerInput trigger, Diagnostics diagnostics);
}
