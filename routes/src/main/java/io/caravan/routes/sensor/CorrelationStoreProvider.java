package io.caravan.routes.sensor;

/**
 * Gives each Sensor its {@link CorrelationStore}. The {@code eventbus} component implements it, so
 * the store follows the bus: a JetStream KV bucket on JetStream, memory on the in-memory bus.
 */
public interface CorrelationStoreProvider {
  /** Component name under which {@link TriggerConditions} looks the provider up. */
  String COMPONENT = "eventbus";

  CorrelationStore correlationStore(String sensorName) throws Exception;
}
