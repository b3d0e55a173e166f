package io.caravan.e2e.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes messages {@code 0 … count-1} upstream at a steady rate, from one thread (so a client
 * that is not thread-safe, such as an AMQP channel, can be used), every 10 ms the messages due by
 * then. A publish is expected to return once the upstream server accepted the message (a
 * synchronous publish, or a confirm): what {@link #published()} counts is accepted.
 */
public final class RatePublisher implements AutoCloseable {
  /** Publishes message {@code index}, whose id is {@code id}; returns once it was accepted. */
  @FunctionalInterface
  public interface Publish {
    void publish(int index, String id) throws Exception;
  }

  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "rate-publisher");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicInteger published = new AtomicInteger();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final int count;

  private RatePublisher(int count) {
    this.count = count;
  }

  /** Starts publishing {@code count} messages, {@code perSecond} a second. */
  public static RatePublisher start(int count, int perSecond, Publish publish) {
    RatePublisher publisher = new RatePublisher(count);
    long started = System.nanoTime();
    publisher.scheduler.scheduleAtFixedRate(
        () -> publisher.tick(started, perSecond, publish), 0, 10, TimeUnit.MILLISECONDS);
    return publisher;
  }

  private void tick(long started, int perSecond, Publish publish) {
    long due = Math.min(count, (System.nanoTime() - started) * perSecond / 1_000_000_000L + 1);
    try {
      while (published.get() < due && failure.get() == null) {
        int index = published.get();
        publish.publish(index, SourceKillRun.id(index));
        published.incrementAndGet();
      }
    } catch (Exception e) {
      failure.compareAndSet(null, e);
    }
    if (published.get() >= count || failure.get() != null) {
      scheduler.shutdown();
    }
  }

  /** Messages accepted upstream so far. */
  public int published() {
    return published.get();
  }

  /** Waits until every message was published; fails with the first publish error. */
  public void awaitDone(Duration timeout) {
    await("all " + count + " messages published upstream")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> published.get() >= count || failure.get() != null);
    if (failure.get() != null) {
      throw new AssertionError(
          "publishing message " + published.get() + " failed: " + failure.get(), failure.get());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
