package io.caravan.routes.delivery;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;

/**
 * Gives each Sensor the delivery state its replicas share: the triggers' rate-limit buckets and the
 * event ids that fired them recently. The {@code eventbus} component implements it, so the state
 * follows the bus: JetStream KV on JetStream; nothing on the in-memory bus (one runtime), where
 * {@link TriggerDelivery} keeps its own.
 */
public interface SharedDeliveryStateProvider {
  /** Component name under which {@link TriggerDelivery} looks the provider up. */
  String COMPONENT = "eventbus";

  /** The Sensor's shared rate-limit buckets, or null when this bus shares none. */
  SharedRateLimits sharedRateLimits(String sensorName) throws Exception;

  /** The Sensor's shared record of fired event ids, or null when this bus shares none. */
  SharedFiredEventIds sharedFiredEventIds(String sensorName) throws Exception;

  /** The shared rate limits of {@code sensorName} on the bus of {@code camelContext}, or null. */
  static SharedRateLimits rateLimits(CamelContext camelContext, String sensorName)
      throws Exception {
    SharedDeliveryStateProvider provider = find(camelContext);
    return provider == null ? null : provider.sharedRateLimits(sensorName);
  }

  /**
   * The shared record of fired event ids of {@code sensorName} on the bus of {@code camelContext},
   * or null.
   */
  static SharedFiredEventIds firedEventIds(CamelContext camelContext, String sensorName)
      throws Exception {
    SharedDeliveryStateProvider provider = find(camelContext);
    return provider == null ? null : provider.sharedFiredEventIds(sensorName);
  }

  /**
   * The provider of {@code camelContext} (its {@code eventbus} component), or null when there is
   * none.
   */
  private static SharedDeliveryStateProvider find(CamelContext camelContext) {
    if (camelContext == null) {
      return null;
    }
    Component component = camelContext.getComponent(COMPONENT, false);
    return component instanceof SharedDeliveryStateProvider provider ? provider : null;
  }
}
