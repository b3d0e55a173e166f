package io.caravan.routes.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Argo Events' metrics (inventory §7), same names and labels, recorded in Micrometer. With the
 * Prometheus registry, Micrometer counter {@code argo_events_events_sent} is exposed as {@code
 * argo_events_events_sent_total}. Durations are summaries in milliseconds, as Argo's.
 *
 * <p>The runtime binds one instance in the Camel registry under {@link #BEAN_NAME}; components look
 * it up there (tests may use {@link #noop()}).
 */
public final class ArgoMetrics {
  public static final String BEAN_NAME = "argoMetrics";

  private final MeterRegistry registry;
  private final String namespace;

  /** Meters by name and labels: looked up once, not built and registered again on every event. */
  private final Map<MeterKey, Object> meters = new ConcurrentHashMap<>();

  private record MeterKey(String name, String first, String second) {}

  public ArgoMetrics(MeterRegistry registry, String namespace) {
    this.registry = registry;
    this.namespace = namespace == null ? "" : namespace;
  }

  /** Metrics that go nowhere, for tests and tools that do not export them. */
  public static ArgoMetrics noop() {
    return new ArgoMetrics(new SimpleMeterRegistry(), "");
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void eventSent(String eventSource, String event) {
    sourceCounter("argo_events_events_sent", eventSource, event).increment();
  }

  public void eventSendFailed(String eventSource, String event) {
    sourceCounter("argo_events_events_sent_failed", eventSource, event).increment();
    sourceCounter("argo_events_events_processing_failed", eventSource, event).increment();
  }

  public void eventProcessingFailed(String eventSource, String event) {
    sourceCounter("argo_events_events_processing_failed", eventSource, event).increment();
  }

  public void eventProcessingDuration(String eventSource, String event, Duration duration) {
    ((DistributionSummary)
            meters.computeIfAbsent(
                new MeterKey(
                    "argo_events_event_processing_duration_milliseconds", eventSource, event),
                key ->
                    DistributionSummary.builder(key.name())
                        .tags(
                            "namespace",
                            namespace,
                            "eventsource_name",
                            eventSource,
                            "event_name",
                            event)
                        .register(registry)))
        .record(duration.toNanos() / 1e6);
  }

  /** Pre-registers the source counters at 0, as Argo does when a listener starts. */
  public void sourceStarted(String eventSource, String event) {
    sourceCounter("argo_events_events_sent", eventSource, event);
    sourceCounter("argo_events_events_sent_failed", eventSource, event);
    sourceCounter("argo_events_events_processing_failed", eventSource, event);
  }

  public void actionTriggered(String sensor, String trigger) {
    triggerCounter("argo_events_action_triggered", sensor, trigger).increment();
  }

  public void actionFailed(String sensor, String trigger) {
    triggerCounter("argo_events_action_failed", sensor, trigger).increment();
  }

  public void actionRetriesFailed(String sensor, String trigger) {
    triggerCounter("argo_events_action_retries_failed", sensor, trigger).increment();
  }

  public void actionDuration(String sensor, String trigger, Duration duration) {
    ((DistributionSummary)
            meters.computeIfAbsent(
                new MeterKey("argo_events_action_duration_milliseconds", sensor, trigger),
                key ->
                    DistributionSummary.builder(key.name())
                        .tags(
                            "namespace", namespace, "sensor_name", sensor, "trigger_name", trigger)
                        .register(registry)))
        .record(duration.toNanos() / 1e6);
  }

  /** Pre-registers the trigger counters at 0, as Argo does when a trigger starts. */
  public void triggerStarted(String sensor, String trigger) {
    triggerCounter("argo_events_action_triggered", sensor, trigger);
    triggerCounter("argo_events_action_failed", sensor, trigger);
    triggerCounter("argo_events_action_retries_failed", sensor, trigger);
  }

  private Counter sourceCounter(String name, String eventSource, String event) {
    return (Counter)
        meters.computeIfAbsent(
            new MeterKey(name, eventSource, event),
            key ->
                Counter.builder(name)
                    .tags(
                        "namespace",
                        namespace,
                        "eventsource_name",
                        eventSource,
                        "event_name",
                        event)
                    .register(registry));
  }

  private Counter triggerCounter(String name, String sensor, String trigger) {
    return (Counter)
        meters.computeIfAbsent(
            new MeterKey(name, sensor, trigger),
            key ->
                Counter.builder(name)
                    .tags("namespace", namespace, "sensor_name", sensor, "trigger_name", trigger)
                    .register(registry));
  }
}
