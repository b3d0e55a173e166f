package io.caravan.routes.trigger;

import io.caravan.routes.event.ExchangeKeys;
import io.caravan.routes.metrics.ArgoMetrics;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Route policy of the trigger routes ({@code routePolicy: triggerMetrics}): counts Argo's {@code
 * argo_events_action_*} metrics for every exchange that fired the trigger ({@link
 * ExchangeKeys#FIRED}). Success counts {@code action_triggered}; failure counts {@code
 * action_failed}, and {@code action_retries_failed} when it was the last attempt ({@link
 * ExchangeKeys#LAST_ATTEMPT} absent or true); both record {@code action_duration}. It is on the
 * action routes ({@code action.<sensor>.<trigger>}), one exchange per attempt.
 *
 * <p>Metrics go to the {@code argoMetrics} registry bean, or nowhere when there is none.
 */
public class TriggerMetricsPolicy extends RoutePolicySupport {
  /** Exchange property holding the {@link System#nanoTime()} at which the trigger route began. */
  static final String STARTED = "caravan.trigger.started";

  private static final String ROUTE_PREFIX = "sensor.";
  private static final String ACTION_ROUTE_PREFIX = "action.";

  private volatile ArgoMetrics metrics;

  public TriggerMetricsPolicy() {}

  /** A policy that records into {@code metrics} instead of looking the bean up. */
  public TriggerMetricsPolicy(ArgoMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void onInit(Route route) {
    String[] names = namesFromRouteId(route.getRouteId());
    if (names != null) {
      metrics(route).triggerStarted(names[0], names[1]);
    }
  }

  @Override
  public void onExchangeBegin(Route route, Exchange exchange) {
    exchange.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void onExchangeDone(Route route, Exchange exchange) {
    if (!exchange.getProperty(ExchangeKeys.FIRED, false, Boolean.class)) {
      return;
    }
    String sensor = exchange.getProperty(ExchangeKeys.SENSOR, String.class);
    String trigger = exchange.getProperty(ExchangeKeys.TRIGGER, String.class);
    if (sensor == null || trigger == null) {
      String[] names = namesFromRouteId(route.getRouteId());
      if (names == null) {
        return;
      }
      sensor = names[0];
      trigger = names[1];
    }
    ArgoMetrics argoMetrics = metrics(route);
    Long started = exchange.getProperty(STARTED, Long.class);
    if (started != null) {
      argoMetrics.actionDuration(sensor, trigger, Duration.ofNanos(System.nanoTime() - started));
    }
    if (exchange.isFailed()) {
      argoMetrics.actionFailed(sensor, trigger);
      if (exchange.getProperty(ExchangeKeys.LAST_ATTEMPT, true, Boolean.class)) {
        argoMetrics.actionRetriesFailed(sensor, trigger);
      }
    } else {
      argoMetrics.actionTriggered(sensor, trigger);
    }
  }

  private ArgoMetrics metrics(Route route) {
    ArgoMetrics current = metrics;
    if (current == null) {
      current =
          route
              .getCamelContext()
              .getRegistry()
              .lookupByNameAndType(ArgoMetrics.BEAN_NAME, ArgoMetrics.class);
      if (current == null) {
        current = ArgoMetrics.noop();
      }
      metrics = current;
    }
    return current;
  }

  /**
   * {@code sensor.<sensor>.<trigger>} or {@code action.<sensor>.<trigger>} → {sensor, trigger}, or
   * null when the id is not that unambiguously.
   */
  static String[] namesFromRouteId(String routeId) {
    String prefix =
        routeId == null
            ? null
            : routeId.startsWith(ROUTE_PREFIX)
                ? ROUTE_PREFIX
                : routeId.startsWith(ACTION_ROUTE_PREFIX) ? ACTION_ROUTE_PREFIX : null;
    if (prefix == null) {
      return null;
    }
    String[] parts = routeId.substring(prefix.length()).split("\\.", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      return null;
    }
    return parts;
  }
}
