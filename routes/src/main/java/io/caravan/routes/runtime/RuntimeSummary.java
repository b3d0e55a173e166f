package io.caravan.routes.runtime;

import java.time.Duration;
import java.util.List;

/**
 * What a started {@link CaravanRuntime} runs, for people to read ({@code caravan run} prints it).
 *
 * @param routes every route the generated documents declared (Kamelet-internal routes excluded)
 * @param sources the EventSource routes of types that describe themselves ({@code SourceSummary}),
 *     in route order
 * @param triggers each Sensor trigger with the dependencies that feed it
 * @param bus the bus: {@code in-memory} or its NATS URL
 * @param metricsUrl where Prometheus metrics are served, or {@code null} when off
 * @param startupTime time from {@code start()} until every route was started
 */
public record RuntimeSummary(
    List<RouteInfo> routes,
    List<Source> sources,
    List<Trigger> triggers,
    String bus,
    String metricsUrl,
    Duration startupTime) {

  /** One route: id, consumer endpoint URI, the generator's description. */
  public record RouteInfo(String id, String endpointUri, String description) {}

  /**
   * A source route: its type's {@code heading} (e.g. {@code Webhooks}) and its one-line
   * description.
   */
  public record Source(String routeId, String heading, String line) {}

  /**
   * A Sensor trigger.
   *
   * @param dependencies {@code dependency (eventSource/event)} for each dependency route feeding it
   * @param sink the sink Kamelet ({@code http-sink}, {@code log-sink}…), or {@code null} when
   *     unknown
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
