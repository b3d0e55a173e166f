package io.caravan.routes.trigger;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The {@link TriggerMessageBuilder}s on the class path, by trigger type (loaded once). */
final class TriggerMessageBuilders {
  private static volatile Map<String, TriggerMessageBuilder> byType;

  private TriggerMessageBuilders() {}

  /** The type's builder, or null when the type's block is its message. */
  static TriggerMessageBuilder forType(String triggerType) {
    return all().get(triggerType);
  }

  static Map<String, TriggerMessageBuilder> all() {
    Map<String, TriggerMessageBuilder> loaded = byType;
    if (loaded == null) {
      Map<String, TriggerMessageBuilder> found = new TreeMap<>();
      for (TriggerMessageBuilder builder :
          ServiceLoader.load(
              TriggerMessageBuilder.class, TriggerMessageBuilders.class.getClassLoader())) {
        TriggerMessageBuilder previous = found.putIfAbsent(builder.triggerType(), builder);
        if (previous != null) {
          throw new IllegalStateException(
              "two trigger message builders for '"
                  + builder.triggerType()
                  + "': "
                  + previous.getClass().getName()
                  + " and "
                  + builder.getClass().getName());
        }
      }
      loaded = Map.copyOf(found);
      byType = loaded;
    }
    return loaded;
  }
}
