package io.caravan.routes.trigger.http;

import io.caravan.routes.trigger.TriggerMessageBuilder;
import io.caravan.routes.trigger.TriggerMessageInput;
import org.apache.camel.Message;

/** The http trigger's request ({@link HttpTriggerMessage}) for the http sink. */
public final class HttpTriggerMessageBuilder implements TriggerMessageBuilder {
  @Override
  public String triggerType() {
    return "http";
  }

  @Override
  public void write(TriggerMessageInput input, Message message) {
    new HttpTriggerMessage(
            input.required(input.template().getHttp(), "http"), input.events(), input.secrets())
        .writeTo(message);
  }
}
