package io.caravan.routes.source.nats;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code argo-nats:<eventSource>/<event>} component: one core NATS subscription per endpoint,
 * turning each message into Argo's nats event data (inventory §1.5.5, §2.3). Written on jnats
 * rather than on camel-nats because Argo's auth (nkey seeds and creds files given as secret
 * values), its connection backoff and a start that does not wait for the server need a connection
 * built by the source itself.
 */
public class NatsSourceComponent extends DefaultComponent {
  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    String name = remaining.startsWith("//") ? remaining.substring(2) : remaining;
    if (name.isBlank()) {
      throw new IllegalArgumentException(
          "argo-nats URI must be argo-nats:<eventSource>/<event>, got '" + uri + "'");
    }
    NatsSourceEndpoint endpoint = new NatsSourceEndpoint(uri, this, name);
    setProperties(endpoint, parameters);
    return endpoint;
  }
}
