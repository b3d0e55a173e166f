package io.caravan.routes.source.kafka;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code argo-kafka:<eventSource>/<event>} component: one Kafka consumer per endpoint, turning
 * each record into Argo's kafka event data (inventory §1.5.4, §2.3). Written on kafka-clients (the
 * version camel-kafka 4.17 uses) rather than on camel-kafka: Argo's guarantees need the consumer
 * loop itself — a record that the bus did not take is sought back and retried, never committed
 * past; partition mode reads from the newest offset on every start; the event id comes from the
 * record's position — and its TLS/SASL come from secret values, not files.
 */
public class KafkaSourceComponent extends DefaultComponent {
  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    String name = remaining.startsWith("//") ? remaining.substring(2) : remaining;
    if (name.isBlank()) {
      throw new IllegalArgumentException(
          "argo-kafka URI must be argo-kafka:<eventSource>/<event>, got '" + uri + "'");
    }
    KafkaSourceEndpoint endpoint = new KafkaSourceEndpoint(uri, this, name);
    setProperties(endpoint, parameters);
    return endpoint;
  }
}
