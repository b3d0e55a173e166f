package io.caravan.routes.delivery;

import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.event.ExchangeKeys;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.backoff.RetryBackoff;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a fired trigger is executed (inventory §4.4), the bean {@code
 * sensor.<sensor>.trigger.<trigger>.delivery} after {@code TriggerConditions} on the trigger route.
 * The body is the fired events (dependency → event).
 *
 * <ol>
 *   <li>De-duplication ({@link TriggerDeduplication}): the same set of event ids started in this
 *       runtime, or fired by a replica (JetStream), within {@link RecentEventIds#DEFAULT_WINDOW} is
 *       dropped (logged, counted as {@value #DUPLICATES_METRIC}).
 *   <li>{@code atLeastOnce: true}: the trigger runs here, before the bus message is acked: up to
 *       {@code retryStrategy} attempts, each a call of the {@code action} route after a {@code
 *       rateLimit} token ({@link TriggerRateLimiter}: one bucket shared by the replicas on
 *       JetStream); when every attempt failed, the {@code dlqAction} (the {@code dlqTrigger}) runs
 *       with its own {@code dlqRetryStrategy}. The message is then acked whatever the outcome
 *       (Argo); only a runtime that stops or dies before this ends leaves the message to be
 *       redelivered.
 *   <li>{@code atLeastOnce: false} (default): the same runs after the bus message was acked (Argo);
 *       a crash before the trigger ran loses it.
 * </ol>
 *
 * Each attempt is a new exchange of the action route with properties {@link ExchangeKeys#ATTEMPT}
 * and {@link ExchangeKeys#LAST_ATTEMPT}; the action route's {@code triggerMetrics} policy counts
 * it. Everything is asynchronous: an attempt holds no thread while its sink works, and the waits
 * (rate limit, backoff) are timers, so a slow trigger does not hold the bus consumer's threads.
 */
public class TriggerDelivery extends AsyncProcessorSupport implements CamelContextAware {
  private static final Logger LOG = LoggerFactory.getLogger(TriggerDelivery.class);
  static final String DUPLICATES_METRIC = "caravan_trigger_duplicates";

  /**
   * Runs of an {@code atLeastOnce: false} trigger that may be going on after their messages were
   * acked; beyond it the bus message waits for its run (back-pressure instead of an unbounded
   * backlog in memory).
   */
  static final int MAX_DETACHED_RUNS = 1_000;

  private CamelContext camelContext;
  private String sensorName;
  private String triggerName;
  private boolean atLeastOnce;
  private String action;
  private RetryBackoff retryStrategy = RetryBackoff.ONCE;
  private TriggerRateLimit rateLimit;
  private String dlqAction;
  private String dlqTriggerName;
  private RetryBackoff dlqRetryStrategy = RetryBackoff.ONCE;
  private RecentEventIds recentEventIds =
      new RecentEventIds(RecentEventIds.DEFAULT_WINDOW, RecentEventIds.DEFAULT_CAPACITY);
  private final Lazy<TriggerDeduplication> deduplication =
      new Lazy<>(
          () ->
              new TriggerDeduplication(
                  where(),
                  triggerName,
                  recentEventIds,
                  () -> SharedDeliveryStateProvider.firedEventIds(camelContext, sensorName)));
  private final Lazy<TriggerRateLimiter> rateLimiter =
      new Lazy<>(
          () ->
              new TriggerRateLimiter(
                  where(),
                  triggerName,
                  rateLimit,
                  () -> SharedDeliveryStateProvider.rateLimits(camelContext, sensorName)));
  private final Lazy<Scheduler> scheduler = new Lazy<>(() -> WorkerScheduler.of(camelContext));
  private final Map<String, AsyncProducer> producers = new ConcurrentHashMap<>();
  private final AtomicInteger detachedRuns = new AtomicInteger();

  /**
   * Runs a task after a delay (the wait for a rate-limit token, the backoff); replaced in tests.
   */
  interface Scheduler {
    void schedule(Runnable task, long delayMillis);
  }

  /** How a run of the trigger (and its dlqTrigger) ended. */
  enum Outcome {
    SUCCEEDED,
    FAILED,
    STOPPED
  }

  @Override
  public boolean process(Exchange exchange, AsyncCallback callback) {
    Map<String, ArgoEvent> events;
    try {
      events = events(exchange.getMessage().getBody());
    } catch (RuntimeException e) {
      exchange.setException(e);
      callback.done(true);
      return true;
    }
    String key = eventIds(events);
    boolean redelivered = Boolean.TRUE.equals(exchange.getProperty(ExchangeKeys.REDELIVERED));
    TriggerDeduplication.Seen seen = deduplication().check(key, redelivered);
    if (seen != TriggerDeduplication.Seen.NOT_SEEN) {
      LOG.info(
          "{}event(s) {} already fired this trigger {} within {}; dropped as a duplicate",
          where(),
          key,
          seen == TriggerDeduplication.Seen.BY_A_REPLICA ? "on another replica" : "in this runtime",
          deduplication().window(seen));
      metrics()
          .registry()
          .counter(DUPLICATES_METRIC, "sensor_name", sensorName, "trigger_name", triggerName)
          .increment();
      callback.done(true);
      return true;
    }
    if (!atLeastOnce && detachedRuns.incrementAndGet() <= MAX_DETACHED_RUNS) {
      // Argo's default: the bus message is acknowledged now, the trigger runs afterwards (on a
      // worker).
      scheduler()
          .schedule(
              () ->
                  execute(
                      events,
                      outcome -> {
                        detachedRuns.decrementAndGet();
                        if (outcome == Outcome.STOPPED) {
                          LOG.warn(
                              "{}stopped before events {} were delivered (atLeastOnce: false)",
                              where(),
                              key);
                        }
                      }),
              0);
      callback.done(true);
      return true;
    }
    boolean counted =
        !atLeastOnce; // over the detached limit: this one holds its message until it ran
    execute(
        events,
        outcome -> {
          if (counted) {
            detachedRuns.decrementAndGet();
          }
          if (outcome == Outcome.STOPPED) {
            deduplication().forget(key); // not done: the redelivery must run it
            exchange.setException(
                new IllegalStateException(
                    where()
                        + "the runtime is stopping; events "
                        + key
                        + " stay unacknowledged and are redelivered"));
          }
          callback.done(false);
        });
    return false;
  }

  /**
   * Runs the trigger, then its dlqTrigger when every attempt failed; {@code done} gets the outcome.
   */
  void execute(Map<String, ArgoEvent> events, Consumer<Outcome> done) {
    new TriggerRun(
            this,
            action,
            triggerName,
            retryStrategy,
            events,
            outcome -> {
              if (outcome == Outcome.SUCCEEDED && atLeastOnce) {
                // Only now, never before the run: a record of a run that did not happen would lose
                // the event.
                // Only with atLeastOnce: otherwise the message was acknowledged before the run, and
                // is not redelivered.
                deduplication().recordFired(eventIds(events));
              }
              if (outcome != Outcome.FAILED) {
                done.accept(outcome);
              } else if (dlqAction == null) {
                LOG.error(
                    "{}failed after {} attempt(s); events {} are dropped (no dlqTrigger)",
                    where(),
                    retryStrategy.attempts(),
                    eventIds(events));
                done.accept(Outcome.FAILED);
              } else {
                LOG.warn(
                    "{}failed after {} attempt(s); running dlqTrigger '{}'",
                    where(),
                    retryStrategy.attempts(),
                    dlqTriggerName);
                new TriggerRun(
                        this,
                        dlqAction,
                        dlqTriggerName == null ? triggerName : dlqTriggerName,
                        dlqRetryStrategy,
                        events,
                        dlqOutcome -> {
                          if (dlqOutcome == Outcome.FAILED) {
                            LOG.error(
                                "{}dlqTrigger '{}' failed too after {} attempt(s); events {} are dropped",
                                where(),
                                dlqTriggerName,
                                dlqRetryStrategy.attempts(),
                                eventIds(events));
                          }
                          done.accept(dlqOutcome);
                        })
                    .attempt(1);
              }
            })
        .attempt(1);
  }

  /**
   * A stopping runtime starts no new attempt: with atLeastOnce the bus redelivers the message after
   * restart.
   */
  boolean stopping() {
    return camelContext != null && (camelContext.isStopping() || camelContext.isStopped());
  }

  static String eventIds(Map<String, ArgoEvent> events) {
    StringJoiner ids = new StringJoiner(",");
    events.values().stream().map(ArgoEvent::id).sorted().forEach(ids::add);
    return ids.toString();
  }

  @SuppressWarnings("unchecked")
  private Map<String, ArgoEvent> events(Object body) {
    if (body instanceof Map<?, ?> map
        && map.values().stream().allMatch(ArgoEvent.class::isInstance)) {
      return (Map<String, ArgoEvent>) map;
    }
    throw new IllegalArgumentException(
        where()
            + "expected the fired events (Map of dependency to ArgoEvent), got "
            + (body == null ? "nothing" : body.getClass().getName()));
  }

  /**
   * A started producer of the action route's {@code direct:} endpoint, created once per endpoint.
   */
  AsyncProducer producer(String uri) {
    return producers.computeIfAbsent(
        uri,
        key -> {
          try {
            AsyncProducer producer = camelContext.getEndpoint(key).createAsyncProducer();
            camelContext.addService(producer, true, true);
            return producer;
          } catch (Exception e) {
            throw new IllegalStateException(
                where() + "cannot call " + key + ": " + e.getMessage(), e);
          }
        });
  }

  private TriggerDeduplication deduplication() {
    return deduplication.get();
  }

  /** How long the next attempt waits for a rate-limit token (0 without a rateLimit). */
  long rateLimitWaitMillis() {
    return rateLimit == null ? 0 : rateLimiter.get().reserve().toMillis();
  }

  CamelContext camelContext() {
    return camelContext;
  }

  String sensorName() {
    return sensorName;
  }

  Scheduler scheduler() {
    return scheduler.get();
  }

  private ArgoMetrics metrics() {
    ArgoMetrics bound =
        camelContext == null
            ? null
            : camelContext
                .getRegistry()
                .lookupByNameAndType(ArgoMetrics.BEAN_NAME, ArgoMetrics.class);
    return bound != null ? bound : ArgoMetrics.noop();
  }

  private String where() {
    return where(triggerName);
  }

  String where(String trigger) {
    return "Sensor '" + sensorName + "' trigger '" + trigger + "': ";
  }

  @Override
  public CamelContext getCamelContext() {
    return camelContext;
  }

  @Override
  public void setCamelContext(CamelContext camelContext) {
    this.camelContext = camelContext;
  }

  public String getSensorName() {
    return sensorName;
  }

  public void setSensorName(String sensorName) {
    this.sensorName = sensorName;
  }

  public String getTriggerName() {
    return triggerName;
  }

  public void setTriggerName(String triggerName) {
    this.triggerName = triggerName;
  }

  public boolean isAtLeastOnce() {
    return atLeastOnce;
  }

  public void setAtLeastOnce(boolean atLeastOnce) {
    this.atLeastOnce = atLeastOnce;
  }

  public String getAction() {
    return action;
  }

  /** The endpoint of the trigger's action route, {@code direct:action.<sensor>.<trigger>}. */
  public void setAction(String action) {
    this.action = action;
  }

  public RetryBackoff getRetryStrategy() {
    return retryStrategy;
  }

  /** The manifest's {@code retryStrategy} block as YAML. */
  public void setRetryStrategy(String yaml) {
    this.retryStrategy = RetryBackoff.parse(yaml);
  }

  public TriggerRateLimit getRateLimit() {
    return rateLimit;
  }

  /** The manifest's {@code rateLimit} block as YAML. */
  public void setRateLimit(String yaml) {
    this.rateLimit = TriggerRateLimit.parse(yaml);
    this.rateLimiter.reset();
  }

  public String getDlqAction() {
    return dlqAction;
  }

  /**
   * The endpoint of the dlqTrigger's action route, {@code direct:action.<sensor>.<trigger>.dlq}.
   */
  public void setDlqAction(String dlqAction) {
    this.dlqAction = dlqAction == null || dlqAction.isBlank() ? null : dlqAction;
  }

  public String getDlqTriggerName() {
    return dlqTriggerName;
  }

  /** The dlqTrigger's template name: its metrics and logs carry it. */
  public void setDlqTriggerName(String dlqTriggerName) {
    this.dlqTriggerName = dlqTriggerName;
  }

  public RetryBackoff getDlqRetryStrategy() {
    return dlqRetryStrategy;
  }

  /** The dlqTrigger's own {@code retryStrategy} block as YAML. */
  public void setDlqRetryStrategy(String yaml) {
    this.dlqRetryStrategy = RetryBackoff.parse(yaml);
  }

  void setScheduler(Scheduler scheduler) {
    this.scheduler.set(scheduler);
  }

  void setRecentEventIds(RecentEventIds recentEventIds) {
    this.recentEventIds = recentEventIds;
    this.deduplication.reset();
  }
}
