package io.caravan.routes.source.amqp;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;

/**
 * {@code caravan run}'s line for an amqp event: the broker (without the URL's user information, or
 * the secret holding its URL), the exchange, the routing key, the queue and when it acknowledges.
 */
public final class AmqpSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "amqp-source";
  }

  @Override
  public String heading() {
    return "AMQP consumers";
  }

  @Override
  public String describe(Map<String, Object> parameters) {
    Object url = parameters.get("url");
    Object queue = parameters.get("queueName");
    return (url != null
            ? url.toString().replaceFirst("^([a-zA-Z]+://)[^@/]*@", "$1")
            : "URL from secret " + parameters.get("urlSecret"))
        + " exchange '"
        + parameters.getOrDefault("exchangeName", "")
        + "' ("
        + parameters.get("exchangeType")
        + ") routing key '"
        + parameters.get("routingKey")
        + "' queue "
        + (queue == null || queue.toString().isEmpty() ? "(server-named)" : "'" + queue + "'")
        + (Boolean.FALSE.equals(parameters.get("autoAck"))
                || "false".equals(String.valueOf(parameters.get("autoAck")))
            ? ", acknowledged after the bus"
            : "");
  }
}
