package io.caravan.routes.source.webhook;

import io.caravan.routes.support.backoff.RetryBackoff;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a webhook-style source's hooks registered with its provider, on its own daemon thread so
 * the endpoint serves requests meanwhile: runs the task at once, after a failure again with {@link
 * #RETRY} backoff (its last wait repeated, at most the check interval), and after a success again
 * every {@code checkInterval} (never when that is null). Failures are logged without secrets.
 */
public final class HookMaintenance implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HookMaintenance.class);

  /** Waits after failed attempts: 1 s, 2 s, 4 s, 8 s, then 16 s, each plus up to 10 %. */
  public static final RetryBackoff RETRY = new RetryBackoff(5, Duration.ofSeconds(1), 2.0, 0.1);

  /** One pass over the provider's hooks; throws when it should be retried. */
  @FunctionalInterface
  public interface Task {
    void run() throws Exception;
  }

  private final String where;
  private final Task task;
  private final Duration checkInterval;
  private final RetryBackoff retry;
  private final Object lock = new Object();
  private Thread thread;
  private boolean closed;
  private volatile int passes;
  private volatile int failures;

  public HookMaintenance(String where, Task task, Duration checkInterval, RetryBackoff retry) {
    this.where = where;
    this.task = task;
    this.checkInterval = checkInterval;
    this.retry = retry;
  }

  /** Starts the thread (once). */
  public void start() {
    synchronized (lock) {
      if (thread != null || closed) {
        return;
      }
      thread = new Thread(this::loop, "hooks " + where);
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Successful passes so far. */
  public int passes() {
    return passes;
  }

  /** Failed passes so far. */
  public int failures() {
    return failures;
  }

  private void loop() {
    int failedInARow = 0;
    while (!isClosed()) {
      Duration wait;
      try {
        task.run();
        passes++;
        failedInARow = 0;
        wait = checkInterval;
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (isClosed()) {
          return;
        }
        failures++;
        failedInARow++;
        wait =
            retry.delayAfter(
                Math.min(failedInARow, retry.attempts()), ThreadLocalRandom.current().nextDouble());
        if (checkInterval != null && wait.compareTo(checkInterval) > 0) {
          wait = checkInterval;
        }
        LOG.warn(
            "{}: managing the hooks failed (attempt {}), retrying in {} ms: {}",
            where,
            failedInARow,
            wait.toMillis(),
            e.getMessage());
      }
      if (wait == null || !sleep(wait)) {
        return;
      }
    }
  }

  private boolean sleep(Duration wait) {
    synchronized (lock) {
      long end = System.nanoTime() + wait.toNanos();
      while (!closed) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return true;
        }
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return false;
    }
  }

  private boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  /** Stops the thread and waits (up to 10 s) for a pass in progress to end. */
  @Override
  public void close() {
    Thread running;
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
      running = thread;
    }
    if (running != null) {
      running.interrupt();
      try {
        running.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
