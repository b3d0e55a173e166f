package io.caravan.routes.trigger.log;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code log-sink} Kamelet's step: logs the message body (the fired events as text, see {@link
 * TriggerTemplate}) under logger {@code io.caravan.trigger.log}, at most once per {@code
 * intervalSeconds} (Argo's log trigger). Skipped firings still succeed.
 */
public class LogTriggerSink implements Processor {
  private static final Logger LOG = LoggerFactory.getLogger("io.caravan.trigger.log");

  private String sensorName = "";
  private String triggerName = "";
  private long intervalNanos;
  private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);
  private Consumer<String> output = LOG::info;

  public void setSensorName(String sensorName) {
    this.sensorName = sensorName;
  }

  public void setTriggerName(String triggerName) {
    this.triggerName = triggerName;
  }

  /** Seconds between logged firings; empty or 0 logs every firing. */
  public void setIntervalSeconds(String intervalSeconds) {
    if (intervalSeconds == null || intervalSeconds.isBlank()) {
      intervalNanos = 0;
      return;
    }
    long seconds;
    try {
      seconds = Long.parseLong(intervalSeconds.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "log-sink: intervalSeconds must be a whole number of seconds, got '"
              + intervalSeconds
              + "'");
    }
    if (seconds < 0) {
      throw new IllegalArgumentException("log-sink: intervalSeconds must not be negative");
    }
    intervalNanos = seconds * 1_000_000_000L;
  }

  /** Where lines go instead of the logger (tests). */
  public void setOutput(Consumer<String> output) {
    this.output = output;
  }

  @Override
  public void process(Exchange exchange) {
    if (!due()) {
      return;
    }
    String text = exchange.getMessage().getBody(String.class);
    output.accept(
        "sensor '" + sensorName + "' trigger '" + triggerName + "': " + (text == null ? "" : text));
  }

  private boolean due() {
    if (intervalNanos <= 0) {
      return true;
    }
    long now = System.nanoTime();
    while (true) {
      long last = lastLogged.get();
      if (last != Long.MIN_VALUE && now - last < intervalNanos) {
        return false;
      }
      if (lastLogged.compareAndSet(last, now)) {
        return true;
      }
    }
  }
}
