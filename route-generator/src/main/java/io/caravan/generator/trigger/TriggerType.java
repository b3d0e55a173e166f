package io.caravan.generator.trigger;

import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import java.util.List;
import java.util.Map;

/**
 * One trigger type (a key of a trigger's {@code template}, e.g. {@code http}): its Argo validation
 * rules and its translation into the sink step at the end of the trigger's action route. One
 * implementation per supported type, in {@code trigger/<type>/}, registered by one line in {@code
 * META-INF/services/io.caravan.generator.trigger.TriggerType} ({@link TriggerTypeRegistry}).
 */
public interface TriggerType {

  /** The template key of this type, e.g. {@code http}. */
  String key();

  /**
   * Argo's rules for this type's block of {@code template} (and the parts of it Caravan does not
   * support, as {@link Diagnostic#unsupported} findings); {@code path} is the template's, e.g.
   * {@code spec.triggers[0].template}. Called by {@code caravan validate}, the admission webhook
   * and the operator before generating.
   */
  default void check(String path, TriggerTemplate template, List<Diagnostic> out) {}

  /**
   * The {@code to:} map (uri and parameters) of the trigger's action route, or null when the
   * trigger cannot run; then at least one diagnostic is added.
   */
  Map<String, Object> sink(TriggerInput trigger, Diagnostics diagnostics);
}
