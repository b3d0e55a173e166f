package io.caravan.routes.source.nats;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;

/** {@code caravan run}'s line for a nats event: the server, the subject and the queue group. */
public final class NatsSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "nats-source";
  }

  @Override
  public String heading() {
    return "NATS subscriptions";
  }

  @Override
  public String describe(Map<String, Object> parameters) {
    Object queue = parameters.get("queue");
    return parameters.get("url")
        + " subject '"
        + parameters.get("subject")
        + "'"
        + (queue == null ? "" : " in queue group '" + queue + "'");
  }
}
