package io.caravan.routes.source.redisstream;

import io.caravan.routes.source.SourceSummary;
import io.caravan.routes.support.redis.RedisEndpointSupport;
import java.util.Map;

/** {@code caravan run}'s line for a redisStream event: server, database, streams and group. */
public final class RedisStreamSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "redis-stream-source";
  }

  @Override
  public String heading() {
    return "Redis streams";
  }

  @Override
  public String describe(Map<String, Object> parameters) {
    return parameters.get("hostAddress")
        + " db "
        + parameters.getOrDefault("db", 0)
        + " streams "
        + RedisEndpointSupport.quotedNames(parameters.get("streams"))
        + " in group '"
        + parameters.getOrDefault("consumerGroup", "argo-events-cg")
        + "'";
  }
}
