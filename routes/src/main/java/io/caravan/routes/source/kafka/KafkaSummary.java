package io.caravan.routes.source.kafka;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;

/** {@code caravan run}'s line for a kafka event: brokers, topic, and the group or partition. */
public final class KafkaSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "kafka-source";
  }

  @Override
  public String heading() {
    return "Kafka consumers";
  }

  @Override
  public String describe(Map<String, Object> parameters) {
    Object group = parameters.get("groupName");
    return parameters.get("url")
        + " topic '"
        + parameters.get("topic")
        + "' "
        + (group != null
            ? "in group '" + group + "'"
            : "partition " + parameters.get("partition") + " (newest offset)");
  }
}
