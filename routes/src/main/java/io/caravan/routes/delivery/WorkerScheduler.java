package io.caravan.routes.delivery;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;

/**
 * A timer that hands its tasks to a few workers (a synchronous sink must not hold up other timers); when the
 * runtime has stopped its pools, a task runs at once, sees that and ends its run as STOPPED.
 */
final class WorkerScheduler implements TriggerDelivery.Scheduler {
  /** Threads that start detached runs and retries; an asynchronous sink (http) holds one only briefly. */
  private static final int WORKERS = 8;
  private final ScheduledExecutorService timer;
  private final ExecutorService workers;

  WorkerScheduler(CamelContext context, Object owner, String name) {
    ExecutorServiceManager executors = context.getExecutorServiceManager();
    timer = executors.newSingleThreadScheduledExecutor(owner, name + "-timer");
    ThreadPoolProfile profile = new ThreadPoolProfile(name);
    profile.setPoolSize(WORKERS);
    profile.setMaxPoolSize(WORKERS);
    profile.setMaxQueueSize(-1);
    profile.setAllowCoreThreadTimeOut(true);
    profile.setKeepAliveTime(30L);
    profile.setTimeUnit(TimeUnit.SECONDS);
    workers = executors.newThreadPool(owner, name, profile);
  }

  @Override
  public void schedule(Runnable task, long delayMillis) {
    try {
      if (delayMillis <= 0) {
        run(task);
      } else {
        timer.schedule(() -> run(task), delayMillis, TimeUnit.MILLISECONDS);
      }
    } catch (RejectedExecutionException e) {
      task.run();
    }
  }

  private void run(Runnable task) {
    try {
      workers.execute(task);
    } catch (RejectedExecutionException e) {
      task.run();
    }
  }
}
