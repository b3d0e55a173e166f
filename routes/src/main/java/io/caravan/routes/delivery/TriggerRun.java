package io.caravan.routes.delivery;

import io.caravan.routes.delivery.TriggerDelivery.Outcome;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.event.ExchangeKeys;
import io.caravan.routes.support.backoff.RetryBackoff;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attempts of one trigger (or dlqTrigger) for one set of events, each a call of its action
 * route: a rate-limit token first, then the call, then the backoff of {@code retryStrategy} before
 * the next attempt. Everything is asynchronous: the waits are timers of the delivery's scheduler.
 */
final class TriggerRun {
  private static final Logger LOG = LoggerFactory.getLogger(TriggerDelivery.class);

  private final TriggerDelivery delivery;
  private final String endpoint;
  private final String trigger;
  private final RetryBackoff backoff;
  private final Map<String, ArgoEvent> events;
  private final Consumer<Outcome> done;

  TriggerRun(
      TriggerDelivery delivery,
      String endpoint,
      String trigger,
      RetryBackoff backoff,
      Map<String, ArgoEvent> events,
      Consumer<Outcome> done) {
    this.delivery = delivery;
    this.endpoint = endpoint;
    this.trigger = trigger;
    this.backoff = backoff;
    this.events = events;
    this.done = done;
  }

  /** Waits for a rate-limit token, then sends attempt {@code number}. */
  void attempt(int number) {
    if (delivery.stopping()) {
      done.accept(Outcome.STOPPED);
      return;
    }
    long wait = delivery.rateLimitWaitMillis();
    if (wait > 0) {
      delivery.scheduler().schedule(() -> send(number), wait);
    } else {
      send(number);
    }
  }

  private void send(int number) {
    if (delivery.stopping()) {
      done.accept(Outcome.STOPPED);
      return;
    }
    Exchange run = new DefaultExchange(delivery.camelContext());
    run.getMessage().setBody(new LinkedHashMap<>(events));
    run.setProperty(ExchangeKeys.FIRED, true);
    run.setProperty(ExchangeKeys.SENSOR, delivery.sensorName());
    run.setProperty(ExchangeKeys.TRIGGER, trigger);
    run.setProperty(ExchangeKeys.ATTEMPT, number);
    run.setProperty(ExchangeKeys.LAST_ATTEMPT, number == backoff.attempts());
    try {
      delivery.producer(endpoint).process(run, doneSync -> completed(run, number));
    } catch (RuntimeException e) {
      run.setException(e);
      completed(run, number);
    }
  }

  private void completed(Exchange run, int number) {
    if (!run.isFailed()) {
      done.accept(Outcome.SUCCEEDED);
      return;
    }
    Throwable error = run.getException();
    String reason = error == null ? "rolled back" : error.getMessage();
    String where = delivery.where(trigger);
    if (number >= backoff.attempts()) {
      LOG.warn("{}attempt {}/{} failed ({})", where, number, backoff.attempts(), reason);
      done.accept(Outcome.FAILED);
      return;
    }
    long wait = backoff.delayAfter(number, ThreadLocalRandom.current().nextDouble()).toMillis();
    LOG.warn(
        "{}attempt {}/{} failed ({}); next in {} ms",
        where,
        number,
        backoff.attempts(),
        reason,
        wait);
    delivery.scheduler().schedule(() -> attempt(number + 1), wait);
  }
}
