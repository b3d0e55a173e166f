package io.caravan.routes.runtime;

import java.time.Duration;
import java.util.List;

/**
 * What a started {@link CaravanRuntime} runs, for people to read ({@code caravan run} prints it).
 *
 * @param routes every route the generated documents declared (Kamelet-internal routes excluded)
 * @param webhooks webhook endpoints the EventSources listen on
 * @param calendars calendar EventSources and their schedules
 * @param triggers each Sensor trigger with the dependencies that feed it
 * @param bus the bus: {@code in-memory} or its NATS URL
 * @param metricsUrl where Prometheus metrics are served, or {@code null} when off
 * @param startupTime time from {@code start()} until every route was started
 */
public record RuntimeSummary(
    List<RouteInfo> routes,
    List<Webhook> webhooks,
    List<Calendar> calendars,
    List<Trigger> triggers,
    String bus,
    String metricsUrl,
    Duration startupTime) {

  /** One route: id, consumer endpoint URI, the generator's description. */
  public record RouteInfo(String id, String endpointUri, String description) {}

  /** A webhook endpoint: {@code method url}, served by route {@code routeId}. */
  public record Webhook(String routeId, String method, String url) {}

  /** A calendar source: a cron {@code schedule} or an {@code interval}, in {@code timezone} (may be null). */
  public record Calendar(String routeId, String schedule, String interval, String timezone) {}

  /**
   * A Sensor trigger.
   *
   * @param dependencies {@code dependency (eventSource/event)} for each dependency route feeding it
   * @param sink the sink Kamelet ({@code http-sink}, {@code log-sink}…), or {@code null} when unknown
   * @param target what the sink addresses (an http URL, a Kubernetes operation), or {@code null}
   */
  public record Trigger(
      String routeId,
      String sensor,
      String trigger,
      List<String> dependencies,
      String sink,
      String target,
      String description) {}
}
