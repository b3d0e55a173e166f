package io.caravan.generator.trigger;

import io.caravan.api.sensor.TriggerTypes;
import io.caravan.generator.support.KeyedServices;
import java.util.List;
import java.util.Map;

/**
 * The trigger types Caravan runs: every {@link TriggerType} registered in {@code
 * META-INF/services/io.caravan.generator.trigger.TriggerType}, in Argo's selection order. A
 * template key without a registered type is reported as unsupported.
 */
public final class TriggerTypeRegistry {

  /** Why the custom (gRPC) trigger is not supported; the long form is docs/triggers/custom.md. */
  public static final String CUSTOM_UNSUPPORTED =
      "trigger type 'custom' (a gRPC triggers.Trigger "
          + "server): Caravan has no gRPC client; use an http trigger to a small adapter "
          + "(docs/triggers/custom.md)";

  private static final Map<String, TriggerType> BY_KEY = load();

  private TriggerTypeRegistry() {}

  /** The registered type for a template key, or null when Caravan does not run it. */
  public static TriggerType get(String key) {
    return BY_KEY.get(key);
  }

  /** Every registered type, in Argo's order. */
  public static List<TriggerType> all() {
    return List.copyOf(BY_KEY.values());
  }

  /** What to say about a set trigger type that has no registered implementation. */
  public static String unsupported(String key) {
    return key.equals("custom") ? CUSTOM_UNSUPPORTED : "trigger type '" + key + "'";
  }

  private static Map<String, TriggerType> load() {
    return KeyedServices.load(
        TriggerType.class, TriggerType::key, TriggerTypes.ALL, "trigger type");
  }
}
