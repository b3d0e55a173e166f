package io.caravan.routes.trigger.log;

import io.caravan.routes.trigger.ArgoEventJson;
import io.caravan.routes.trigger.TriggerMessageBuilder;
import io.caravan.routes.trigger.TriggerMessageInput;
import java.util.StringJoiner;
import org.apache.camel.Message;

/** The log trigger's text: one readable line per fired event with its context and data. */
public final class LogTriggerMessage implements TriggerMessageBuilder {
  @Override
  public String triggerType() {
    return "log";
  }

  @Override
  public void write(TriggerMessageInput input, Message message) {
    StringJoiner text = new StringJoiner("\n");
    input
        .events()
        .forEach((dependency, event) -> text.add(ArgoEventJson.readable(dependency, event)));
    message.setBody(text.toString());
  }
}
