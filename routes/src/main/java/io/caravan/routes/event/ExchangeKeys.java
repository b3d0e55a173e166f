package io.caravan.routes.event;

/** Names of the exchange properties that the generated routes and the runtime pass between steps. */
public final class ExchangeKeys {
  /** Sensor name, set by the {@code eventbus:} consumer from its {@code sensorName} parameter. */
  public static final String SENSOR = "caravan.sensor";
  /** Trigger name, set by the {@code eventbus:} consumer from its {@code triggerName} parameter. */
  public static final String TRIGGER = "caravan.trigger";
  /** Dependency name, set by the {@code eventbus:} consumer from its {@code dependencyName} parameter. */
  public static final String DEPENDENCY = "caravan.dependency";
  /** {@code true} once a trigger's conditions were satisfied and the trigger is being executed. */
  public static final String FIRED = "caravan.fired";

  private ExchangeKeys() {}
}
