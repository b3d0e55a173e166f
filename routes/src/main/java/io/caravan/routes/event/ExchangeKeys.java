package io.caravan.routes.event;

/**
 * Names of the exchange properties that the generated routes and the runtime pass between steps.
 */
public final class ExchangeKeys {
  /** Sensor name, set by the {@code eventbus:} consumer from its {@code sensorName} parameter. */
  public static final String SENSOR = "caravan.sensor";

  /** Trigger name, set by the {@code eventbus:} consumer from its {@code triggerName} parameter. */
  public static final String TRIGGER = "caravan.trigger";

  /**
   * Dependency name, set by the {@code eventbus:} consumer from its {@code dependencyName}
   * parameter.
   */
  public static final String DEPENDENCY = "caravan.dependency";

  /**
   * {@code true} when the bus delivered the event of this exchange before (set by the {@code
   * eventbus:} consumer; absent on a first delivery): only then can a replica have fired a trigger
   * with it already.
   */
  public static final String REDELIVERED = "caravan.redelivered";

  /** {@code true} once a trigger's conditions were satisfied and the trigger is being executed. */
  public static final String FIRED = "caravan.fired";

  /**
   * {@code true} on the exchange of a trigger's last attempt (set by the delivery bean), {@code
   * false} on the earlier ones; absent when no delivery bean runs the trigger. Only a failed last
   * attempt counts as {@code action_retries_failed}.
   */
  public static final String LAST_ATTEMPT = "caravan.attempt.last";

  /** The 1-based attempt number of a trigger execution (set by the delivery bean). */
  public static final String ATTEMPT = "caravan.attempt";

  /**
   * Message header a source may set to give the event a deterministic id (e.g. derived from a
   * stream position): the {@code argo-event:} step uses it instead of a fresh one, so the bus drops
   * a copy the upstream redelivered after a crash.
   */
  public static final String EVENT_ID = "CaravanEventId";

  private ExchangeKeys() {}
}
