package io.caravan.routes.trigger;

import org.apache.camel.Message;

/**
 * How one trigger type turns the fired events into its sink's message (the trigger template bean
 * calls it by the {@code triggerType} the generator chose). One implementation per type that needs
 * more than its block as JSON, in {@code trigger/<type>/}, registered by one line in {@code
 * META-INF/services/io.caravan.routes.trigger.TriggerMessageBuilder}. A type without one gets its
 * block with its own parameters applied ({@link TriggerSpecMessage}).
 */
public interface TriggerMessageBuilder {

  /** The trigger type, e.g. {@code http}: the template's field name. */
  String triggerType();

  /** Writes the sink's message (body and headers) for the fired events. */
  void write(TriggerMessageInput input, Message message);
}
