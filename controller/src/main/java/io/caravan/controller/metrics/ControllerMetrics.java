package io.caravan.controller.metrics;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Supplier;

/**
 * The controller's Prometheus metrics, fed by JOSDK's {@link Metrics} callbacks: {@code
 * caravan_controller_reconcile_total{kind}}, {@code
 * caravan_controller_reconcile_failed_total{kind}}, {@code
 * caravan_controller_reconcile_duration_seconds_sum/_count{kind}} and {@code
 * caravan_controller_resources{kind,status="ready|not_ready"}} (objects by status).
 */
public final class ControllerMetrics implements Metrics {

  private final Map<String, AtomicLong> reconciles = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
  private final Map<String, DoubleAdder> durationSums = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> durationCounts = new ConcurrentHashMap<>();
  private volatile Supplier<Map<String, long[]>> resourceCounter = Map::of;

  @Override
  public void reconcileCustomResource(
      HasMetadata resource,
      io.javaoperatorsdk.operator.api.reconciler.RetryInfo retry,
      Map<String, Object> metadata) {
    counter(reconciles, resource.getKind()).incrementAndGet();
  }

  @Override
  public void failedReconciliation(
      HasMetadata resource, Exception exception, Map<String, Object> metadata) {
    counter(failures, resource.getKind()).incrementAndGet();
  }

  /**
   * Where the {@code caravan_controller_resources} gauge comes from: kind → [ready, not ready],
   * read at scrape time (the controller lists its three kinds; see {@link ResourceCounts}).
   */
  public void countResourcesWith(Supplier<Map<String, long[]>> counter) {
    this.resourceCounter = counter;
  }

  @Override
  public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
    long start = System.nanoTime();
    try {
      return execution.execute();
    } finally {
      String kind = kindOf(execution.controllerName());
      durationSums
          .computeIfAbsent(kind, k -> new DoubleAdder())
          .add((System.nanoTime() - start) / 1e9);
      counter(durationCounts, kind).incrementAndGet();
    }
  }

  /** Reconciles counted for {@code kind} (EventSource, Sensor, EventBus). */
  public long reconciles(String kind) {
    return counter(reconciles, kind).get();
  }

  public long failures(String kind) {
    return counter(failures, kind).get();
  }

  /** Prometheus text exposition format 0.0.4. */
  public String scrape() {
    StringBuilder out = new StringBuilder();
    family(
        out,
        "caravan_controller_reconcile_total",
        "counter",
        "Reconciles started, by kind.",
        reconciles);
    family(
        out,
        "caravan_controller_reconcile_failed_total",
        "counter",
        "Reconciles that ended with an exception, by kind.",
        failures);
    out.append(
            "# HELP caravan_controller_reconcile_duration_seconds Time spent reconciling, by kind.\n")
        .append("# TYPE caravan_controller_reconcile_duration_seconds summary\n");
    new TreeMap<>(durationCounts)
        .forEach(
            (kind, count) -> {
              out.append("caravan_controller_reconcile_duration_seconds_sum{kind=\"")
                  .append(kind)
                  .append("\"} ")
                  .append(durationSums.getOrDefault(kind, new DoubleAdder()).sum())
                  .append('\n');
              out.append("caravan_controller_reconcile_duration_seconds_count{kind=\"")
                  .append(kind)
                  .append("\"} ")
                  .append(count.get())
                  .append('\n');
            });
    out.append(
            "# HELP caravan_controller_resources Objects by kind and status (ready = every condition True).\n")
        .append("# TYPE caravan_controller_resources gauge\n");
    Map<String, long[]> counts;
    try {
      counts = new TreeMap<>(resourceCounter.get());
    } catch (RuntimeException e) {
      counts = Map.of();
    }
    counts.forEach(
        (kind, readyAndNot) -> {
          out.append("caravan_controller_resources{kind=\"")
              .append(kind)
              .append("\",status=\"ready\"} ")
              .append(readyAndNot[0])
              .append('\n');
          out.append("caravan_controller_resources{kind=\"")
              .append(kind)
              .append("\",status=\"not_ready\"} ")
              .append(readyAndNot[1])
              .append('\n');
        });
    return out.toString();
  }

  private static void family(
      StringBuilder out, String name, String type, String help, Map<String, AtomicLong> values) {
    out.append("# HELP ")
        .append(name)
        .append(' ')
        .append(help)
        .append('\n')
        .append("# TYPE ")
        .append(name)
        .append(' ')
        .append(type)
        .append('\n');
    new TreeMap<>(values)
        .forEach(
            (kind, value) ->
                out.append(name)
                    .append("{kind=\"")
                    .append(kind)
                    .append("\"} ")
                    .append(value.get())
                    .append('\n'));
  }

  private static AtomicLong counter(Map<String, AtomicLong> map, String kind) {
    return map.computeIfAbsent(kind, k -> new AtomicLong());
  }

  /** Controller names are Argo's ({@code eventsource-controller}…); metrics use the kind. */
  static String kindOf(String controllerName) {
    return switch (controllerName) {
      case "eventsource-controller" -> "EventSource";
      case "sensor-controller" -> "Sensor";
      case "eventbus-controller" -> "EventBus";
      default -> controllerName;
    };
  }
}
