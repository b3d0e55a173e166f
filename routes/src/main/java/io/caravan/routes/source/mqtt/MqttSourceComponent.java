package io.caravan.routes.source.mqtt;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code argo-mqtt:<eventSource>/<event>} component: one MQTT subscription (QoS 0) per
 * endpoint, turning each message into Argo's mqtt event data (inventory §1.5.7, §2.3). Written on
 * the Eclipse Paho client rather than on camel-paho because Argo's settings (user and password read
 * from secrets, TLS from PEM secrets, the connection backoff, a start that does not wait for the
 * broker, a subscription made again after every reconnect) need the client in the source's hands.
 */
public class MqttSourceComponent extends DefaultComponent {
  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    String name = remaining.startsWith("//") ? remaining.substring(2) : remaining;
    if (name.isBlank()) {
      throw new IllegalArgumentException(
          "argo-mqtt URI must be argo-mqtt:<eventSource>/<event>, got '" + uri + "'");
    }
    MqttSourceEndpoint endpoint = new MqttSourceEndpoint(uri, this, name);
    setProperties(endpoint, parameters);
    return endpoint;
  }
}
