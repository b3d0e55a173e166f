package io.caravan.routes.source.redis;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code argo-redis:<eventSource>/<event>} component: one Redis Pub/Sub subscription per
 * endpoint, turning each message into Argo's redis event data (inventory §1.5.8, §2.3). Written on
 * Jedis rather than on camel-spring-redis: the source needs Argo's TLS and password from secret
 * references, a start that does not wait for the server, and reconnection for ever, none of which
 * Spring's listener container gives without a Spring context.
 */
public class RedisSourceComponent extends DefaultComponent {
  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    String name = remaining.startsWith("//") ? remaining.substring(2) : remaining;
    if (name.isBlank()) {
      throw new IllegalArgumentException(
          "argo-redis URI must be argo-redis:<eventSource>/<event>, got '" + uri + "'");
    }
    RedisSourceEndpoint endpoint = new RedisSourceEndpoint(uri, this, name);
    setProperties(endpoint, parameters);
    return endpoint;
  }
}
