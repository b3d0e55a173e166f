package io.caravan.routes.delivery;

import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.event.ExchangeKeys;
import io.caravan.routes.metrics.ArgoMetrics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a fired trigger is executed (inventory §4.4), the bean {@code sensor.<sensor>.trigger.<trigger>.delivery}
 * after {@code TriggerConditions} on the trigger route. The body is the fired events (dependency → event).
 *
 * <ol>
 *   <li>De-duplication: the same set of event ids fired within {@link RecentEventIds#DEFAULT_WINDOW} is
 *       dropped (logged, counted as {@value #DUPLICATES_METRIC}).
 *   <li>{@code atLeastOnce: true}: the trigger runs here, before the bus message is acked: up to
 *       {@code retryStrategy} attempts, each a call of the {@code action} route after a {@code rateLimit}
 *       token; when every attempt failed, the {@code dlqAction} (the {@code dlqTrigger}) runs with its own
 *       {@code dlqRetryStrategy}. The message is then acked whatever the outcome (Argo); only a runtime that
 *       stops or dies before this ends leaves the message to be redelivered.
 *   <li>{@code atLeastOnce: false} (default): the same runs on a worker thread and the bus message is acked
 *       at once (Argo); a crash before the trigger ran loses it.
 * </ol>
 *
 * Each attempt is a new exchange of the action route with properties {@link ExchangeKeys#ATTEMPT} and
 * {@link ExchangeKeys#LAST_ATTEMPT}; the action route's {@code triggerMetrics} policy counts it.
 */
public class TriggerDelivery implements Processor, CamelContextAware {
  private static final Logger LOG = LoggerFactory.getLogger(TriggerDelivery.class);
  static final String DUPLICATES_METRIC = "caravan_trigger_duplicates";
  private static final int ASYNC_THREADS = 8;
  private static final int ASYNC_QUEUE = 10_000;

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
  private Sleeper sleeper = Thread::sleep;
  private volatile ProducerTemplate producer;
  private volatile ExecutorService workers;

  /** Waits between attempts; replaced in tests. */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    Map<String, ArgoEvent> events = events(exchange.getMessage().getBody());
    String key = eventIds(events);
    if (!recentEventIds.add(key, System.nanoTime())) {
      LOG.info("{}event(s) {} already fired this trigger within {}; dropped as a duplicate", where(), key,
          RecentEventIds.DEFAULT_WINDOW);
      metrics().registry().counter(DUPLICATES_METRIC, "sensor_name", sensorName, "trigger_name", triggerName)
          .increment();
      return;
    }
    if (atLeastOnce) {
      try {
        execute(events);
      } catch (InterruptedException | RuntimeException e) {
        recentEventIds.remove(key); // not done: a redelivery must run it
        throw e;
      }
      return;
    }
    try {
      workers().execute(() -> {
        try {
          execute(events);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          LOG.warn("{}stopped before events {} were delivered (atLeastOnce: false)", where(), key);
        } catch (RuntimeException e) {
          LOG.warn("{}delivery of events {} failed: {}", where(), key, e.toString());
        }
      });
    } catch (RejectedExecutionException e) {
      recentEventIds.remove(key);
      throw e;
    }
  }

  /** Runs the trigger, then its dlqTrigger when every attempt failed; true when one of them succeeded. */
  boolean execute(Map<String, ArgoEvent> events) throws InterruptedException {
    if (attempt(action, triggerName, retryStrategy, events)) {
      return true;
    }
    if (dlqAction == null) {
      LOG.error("{}failed after {} attempt(s); events {} are dropped (no dlqTrigger)", where(),
          retryStrategy.attempts(), eventIds(events));
      return false;
    }
    LOG.warn("{}failed after {} attempt(s); running dlqTrigger '{}'", where(), retryStrategy.attempts(),
        dlqTriggerName);
    if (attempt(dlqAction, dlqTriggerName == null ? triggerName : dlqTriggerName, dlqRetryStrategy, events)) {
      return true;
    }
    LOG.error("{}dlqTrigger '{}' failed too after {} attempt(s); events {} are dropped", where(),
        dlqTriggerName, dlqRetryStrategy.attempts(), eventIds(events));
    return false;
  }

  private boolean attempt(String endpoint, String trigger, RetryBackoff backoff, Map<String, ArgoEvent> events)
      throws InterruptedException {
    for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
      if (rateLimit != null) {
        rateLimit.acquire();
      }
      checkRunning();
      Exchange run = new DefaultExchange(camelContext);
      run.getMessage().setBody(new LinkedHashMap<>(events));
      run.setProperty(ExchangeKeys.FIRED, true);
      run.setProperty(ExchangeKeys.SENSOR, sensorName);
      run.setProperty(ExchangeKeys.TRIGGER, trigger);
      run.setProperty(ExchangeKeys.ATTEMPT, attempt);
      run.setProperty(ExchangeKeys.LAST_ATTEMPT, attempt == backoff.attempts());
      producer().send(endpoint, run);
      if (!run.isFailed()) {
        return true;
      }
      Throwable error = run.getException();
      if (attempt < backoff.attempts()) {
        Duration wait = backoff.delayAfter(attempt, ThreadLocalRandom.current().nextDouble());
        LOG.warn("{}attempt {}/{} failed ({}); next in {} ms", where(trigger), attempt, backoff.attempts(),
            error == null ? "rolled back" : error.getMessage(), wait.toMillis());
        sleeper.sleep(wait.toMillis());
      } else {
        LOG.warn("{}attempt {}/{} failed ({})", where(trigger), attempt, backoff.attempts(),
            error == null ? "rolled back" : error.getMessage());
      }
    }
    return false;
  }

  /** A stopping runtime does not start new attempts: the bus redelivers an unacked message after restart. */
  private void checkRunning() throws InterruptedException {
    if (camelContext != null && (camelContext.isStopping() || camelContext.isStopped())) {
      throw new InterruptedException(where() + "the runtime is stopping");
    }
  }

  static String eventIds(Map<String, ArgoEvent> events) {
    StringJoiner ids = new StringJoiner(",");
    events.values().stream().map(ArgoEvent::id).sorted().forEach(ids::add);
    return ids.toString();
  }

  @SuppressWarnings("unchecked")
  private Map<String, ArgoEvent> events(Object body) {
    if (body instanceof Map<?, ?> map && map.values().stream().allMatch(ArgoEvent.class::isInstance)) {
      return (Map<String, ArgoEvent>) map;
    }
    throw new IllegalArgumentException(where() + "expected the fired events (Map of dependency to ArgoEvent), got "
        + (body == null ? "nothing" : body.getClass().getName()));
  }

  private ProducerTemplate producer() {
    ProducerTemplate current = producer;
    if (current == null) {
      synchronized (this) {
        if (producer == null) {
          producer = camelContext.createProducerTemplate();
        }
        current = producer;
      }
    }
    return current;
  }

  /** Worker threads for {@code atLeastOnce: false}; a full queue runs the trigger on the caller (back-pressure). */
  private ExecutorService workers() {
    ExecutorService current = workers;
    if (current == null) {
      synchronized (this) {
        if (workers == null) {
          ThreadPoolProfile profile = new ThreadPoolProfile("trigger-" + sensorName + "-" + triggerName);
          profile.setPoolSize(ASYNC_THREADS);
          profile.setMaxPoolSize(ASYNC_THREADS);
          profile.setMaxQueueSize(ASYNC_QUEUE);
          profile.setRejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns);
          workers = camelContext.getExecutorServiceManager()
              .newThreadPool(this, "trigger-" + sensorName + "-" + triggerName, profile);
        }
        current = workers;
      }
    }
    return current;
  }

  private ArgoMetrics metrics() {
    ArgoMetrics bound = camelContext == null ? null
        : camelContext.getRegistry().lookupByNameAndType(ArgoMetrics.BEAN_NAME, ArgoMetrics.class);
    return bound != null ? bound : ArgoMetrics.noop();
  }

  private String where() {
    return where(triggerName);
  }

  private String where(String trigger) {
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
  }

  public String getDlqAction() {
    return dlqAction;
  }

  /** The endpoint of the dlqTrigger's action route, {@code direct:action.<sensor>.<trigger>.dlq}. */
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

  void setSleeper(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  void setRecentEventIds(RecentEventIds recentEventIds) {
    this.recentEventIds = recentEventIds;
  }
}
