package io.caravan.routes.source.mqtt;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;

/** {@code caravan run}'s line for an mqtt event: the broker, the topic and the client id. */
public final class MqttSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "mqtt-source";
  }

  @Override
  public String heading() {
    return "MQTT subscriptions";
  }

  @Override
  public String describe(Map<String, Object> parameters) {
    return String.valueOf(parameters.get("url")).replaceFirst("^([a-zA-Z]+://)[^@/]*@", "$1")
        + " topic '"
        + parameters.get("topic")
        + "' as client '"
        + parameters.get("clientId")
        + "' (QoS 0)";
  }
}
