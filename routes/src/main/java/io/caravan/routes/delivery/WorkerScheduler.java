package io.caravan.routes.delivery;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * A timer that hands its tasks to workers (a synchronous sink must not hold up other timers); when
 * the runtime has stopped its pools, a task runs at once, sees that and ends its run as STOPPED.
 * One per runtime, shared by every trigger ({@link #of}): one timer thread, and workers made on
 * demand up to {@value #MAX_WORKERS} that end after 30 s idle, so a runtime of many quiet Sensors
 * holds few threads (each trigger had a timer and up to 8 workers before: 2,815 threads for 1,000
 * Sensors after a burst of events).
 */
public final class WorkerScheduler implements TriggerDelivery.Scheduler {
  /** Registry name of a runtime's scheduler. */
  static final String BEAN_NAME = "caravanTriggerWorkers";

  /** Triggers running at once beyond this run on the thread that hands them over. */
  static final int MAX_WORKERS = 256;

  private final ScheduledExecutorService timer;
  private final ExecutorService workers;

  /** The runtime's scheduler, made on first use. */
  static WorkerScheduler of(CamelContext context) {
    synchronized (context) {
      WorkerScheduler found =
          context.getRegistry().lookupByNameAndType(BEAN_NAME, WorkerScheduler.class);
      if (found == null) {
        found = new WorkerScheduler(context, context, "trigger-workers");
        context.getRegistry().bind(BEAN_NAME, WorkerScheduler.class, found);
      }
      return found;
    }
  }

  WorkerScheduler(CamelContext context, Object owner, String name) {
    ExecutorServiceManager executors = context.getExecutorServiceManager();
    timer = executors.newSingleThreadScheduledExecutor(owner, name + "-timer");
    workers = executors.newThreadPool(owner, name, onDemand(name, MAX_WORKERS));
  }

  /**
   * A runtime-wide pool whose threads exist only while there is work: a new one only when none is
   * idle (no queue), up to {@code max}, each ending after 30 s idle; beyond {@code max}, or once
   * shut down, the pool refuses the task ({@code RejectedExecutionException}) and the caller
   * decides.
   */
  public static ThreadPoolProfile onDemand(String name, int max) {
    ThreadPoolProfile profile = new ThreadPoolProfile(name);
    profile.setPoolSize(1);
    profile.setMaxPoolSize(max);
    profile.setMaxQueueSize(0);
    profile.setAllowCoreThreadTimeOut(true);
    profile.setKeepAliveTime(30L);
    profile.setTimeUnit(TimeUnit.SECONDS);
    profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
    return profile;
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
