package io.caravan.routes.source.redisstream;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code argo-redis-stream:<eventSource>/<event>} component: Redis streams read with XREADGROUP
 * in one consumer group, each entry turned into Argo's redisStream event data (inventory §1.5.9,
 * §2.3) and acknowledged with XACK only after the route (the bus) took its event. Written on Jedis:
 * camel-redis / camel-spring-redis have no consumer-group stream consumer, so they cannot
 * acknowledge after the bus stored the event.
 */
public class RedisStreamSourceComponent extends DefaultComponent {
  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    String name = remaining.startsWith("//") ? remaining.substring(2) : remaining;
    if (name.isBlank()) {
      throw new IllegalArgumentException(
          "argo-redis-stream URI must be argo-redis-stream:<eventSource>/<event>, got '"
              + uri
              + "'");
    }
    RedisStreamSourceEndpoint endpoint = new RedisStreamSourceEndpoint(uri, this, name);
    setProperties(endpoint, parameters);
    return endpoint;
  }
}
