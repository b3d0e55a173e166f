package io.caravan.routes.bus;

import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.event.ExchangeKeys;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable consumer of {@code default.<eventSource>.<event>}: each event becomes an exchange with
 * the {@link ArgoEvent} body and the sensor/trigger/dependency properties. The event is acked when
 * the exchange completed, nak'ed with {@code nakDelay} when it failed; at most {@code maxInFlight}
 * exchanges run at a time, and a long exchange keeps its event with "in progress" signals every
 * half ack wait.
 */
public class EventBusConsumer extends DefaultConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(EventBusConsumer.class);
  static final String INVALID_MESSAGES = "caravan_eventbus_invalid_messages";

  /**
   * How long a stopping consumer waits for its running exchanges (Camel's graceful pool shutdown
   * wait).
   */
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final EventBusEndpoint endpoint;
  private BusSettings settings;
  private Semaphore permits;
  private ExecutorService workers;
  private ScheduledExecutorService ticker;
  private Counter invalidMessages;
  private BusTransport.Subscription subscription;

  EventBusConsumer(EventBusEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
    this.endpoint = endpoint;
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    EventBusComponent component = endpoint.getComponent();
    settings = component.settings();
    invalidMessages =
        component
            .metrics()
            .registry()
            .counter(
                INVALID_MESSAGES,
                "durable",
                endpoint.getDurableName(),
                "subject",
                endpoint.getSubject());
    permits = new Semaphore(settings.maxInFlight());
    workers = component.workers();
    ticker = component.inProgressTicker();
    subscription =
        component
            .transport()
            .subscribe(endpoint.getSubject(), endpoint.getDurableName(), this::onDelivery);
  }

  @Override
  protected void doStop() throws Exception {
    if (subscription != null) {
      subscription.stop();
      subscription = null;
    }
    if (workers != null) {
      // The pools are the component's: wait for this consumer's own exchanges to end instead.
      if (permits.tryAcquire(settings.maxInFlight(), STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        permits.release(settings.maxInFlight());
      } else {
        LOG.warn(
            "Event bus: durable '{}' stopped with exchanges still running after {} s; their events are "
                + "redelivered if they do not complete",
            endpoint.getDurableName(),
            STOP_WAIT.toSeconds());
      }
      workers = null;
      ticker = null;
    }
    super.doStop();
  }

  /** Runs on the bus's delivery thread; blocks while {@code maxInFlight} exchanges are running. */
  private void onDelivery(BusTransport.Delivery delivery) {
    if (!isRunAllowed()) {
      delivery.nak(Duration.ZERO); // stopping: leave it to the next start of this durable
      return;
    }
    ArgoEvent event;
    try {
      event = ArgoEvent.fromJson(delivery.data());
    } catch (RuntimeException e) {
      // term(), not nak(): bytes that are not a CloudEvent will never become one, so redelivering
      // them would only loop. The message stays in the stream for inspection.
      LOG.warn(
          "Event bus: {} on {} is not a CloudEvent ({}); terminated, it will not be redelivered",
          delivery.describe(),
          endpoint.getDurableName(),
          e.getMessage());
      invalidMessages.increment();
      delivery.term();
      return;
    }
    try {
      // The bus may deliver a little more than maxInFlight: keep the waiting message from expiring.
      long every = Math.max(100, settings.ackWait().toMillis() / 2);
      while (!permits.tryAcquire(every, TimeUnit.MILLISECONDS)) {
        delivery.inProgress();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      delivery.nak(Duration.ZERO);
      return;
    }
    ExecutorService pool = workers;
    try {
      if (pool == null) {
        throw new RejectedExecutionException("consumer stopped");
      }
      pool.execute(() -> process(delivery, event));
    } catch (RejectedExecutionException e) {
      permits.release();
      delivery.nak(Duration.ZERO);
    }
  }

  private void process(BusTransport.Delivery delivery, ArgoEvent event) {
    Exchange exchange = createExchange(false);
    exchange.getMessage().setBody(event);
    setProperty(exchange, ExchangeKeys.SENSOR, endpoint.getSensorName());
    setProperty(exchange, ExchangeKeys.TRIGGER, endpoint.getTriggerName());
    setProperty(exchange, ExchangeKeys.DEPENDENCY, endpoint.getDependencyName());
    if (delivery.redelivered()) {
      exchange.setProperty(ExchangeKeys.REDELIVERED, Boolean.TRUE);
    }
    ScheduledFuture<?> inProgress = keepInProgress(delivery);
    getAsyncProcessor()
        .process(
            exchange,
            doneSync -> {
              if (inProgress != null) {
                inProgress.cancel(false);
              }
              try {
                if (exchange.isFailed() || exchange.isRollbackOnly()) {
                  Throwable error = exchange.getException();
                  LOG.warn(
                      "Event bus: event {} ({}) failed in {}: {}; redelivery in {}",
                      event.id(),
                      delivery.describe(),
                      endpoint.getDurableName(),
                      error == null ? "rolled back" : error.toString(),
                      settings.nakDelay());
                  delivery.nak(settings.nakDelay());
                } else {
                  delivery.ack();
                }
              } catch (RuntimeException e) {
                LOG.warn(
                    "Event bus: settling event {} failed ({}); the bus redelivers it after its ack wait",
                    event.id(),
                    e.toString());
              } finally {
                releaseExchange(exchange, false);
                permits.release();
              }
            });
  }

  /**
   * Sends "in progress" every half ack wait while the exchange runs, so the bus does not redeliver.
   */
  private ScheduledFuture<?> keepInProgress(BusTransport.Delivery delivery) {
    long every = Math.max(100, settings.ackWait().toMillis() / 2);
    ScheduledExecutorService timer = ticker;
    if (timer == null) {
      return null;
    }
    try {
      return timer.scheduleAtFixedRate(
          () -> {
            try {
              delivery.inProgress();
            } catch (RuntimeException e) {
              LOG.debug("Event bus: in-progress signal failed: {}", e.toString());
            }
          },
          every,
          every,
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      return null;
    }
  }

  private static void setProperty(Exchange exchange, String key, String value) {
    if (value != null) {
      exchange.setProperty(key, value);
    }
  }
}
