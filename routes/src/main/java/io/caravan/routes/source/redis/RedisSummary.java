package io.caravan.routes.source.redis;

import io.caravan.routes.source.SourceSummary;
import io.caravan.routes.support.redis.RedisEndpointSupport;
import java.util.Map;

/** {@code caravan run}'s line for a redis event: the server, the database and the channels. */
public final class RedisSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "redis-source";
  }

  @Override
  public String heading() {
    return "Redis subscriptions";
  }

  @Override
  public String describe(Map<String, Object> parameters) {
    return parameters.get("hostAddress")
        + " db "
        + parameters.getOrDefault("db", 0)
        + " channels "
        + RedisEndpointSupport.quotedNames(parameters.get("channels"));
  }
}
