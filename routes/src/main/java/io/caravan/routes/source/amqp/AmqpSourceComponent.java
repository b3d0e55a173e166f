package io.caravan.routes.source.amqp;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code argo-amqp:<eventSource>/<event>} component: one RabbitMQ consumer per endpoint,
 * turning each delivery into Argo's amqp event data (inventory §1.5.6, §2.3). Written on the
 * RabbitMQ Java client rather than on camel-spring-rabbitmq because Argo's settings (exchange and
 * queue declared with exactly its flags, a server-named exclusive queue, x-arguments, a URL read
 * from a secret, the connection backoff, a start that does not wait for the broker) and an
 * acknowledgement sent only after the bus stored the event need the channel in the source's hands.
 */
public class AmqpSourceComponent extends DefaultComponent {
  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    String name = remaining.startsWith("//") ? remaining.substring(2) : remaining;
    if (name.isBlank()) {
      throw new IllegalArgumentException(
          "argo-amqp URI must be argo-amqp:<eventSource>/<event>, got '" + uri + "'");
    }
    AmqpSourceEndpoint endpoint = new AmqpSourceEndpoint(uri, this, name);
    setProperties(endpoint, parameters);
    return endpoint;
  }
}
