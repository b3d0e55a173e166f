package io.caravan.cli;

import io.caravan.routes.runtime.CaravanRuntime;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link CaravanRuntime} in the foreground: starts it, prints its summary, and keeps it
 * until Ctrl-C / SIGTERM (a shutdown hook) or {@link #stop()}.
 */
final class ForegroundRuntime {
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private volatile CaravanRuntime runtime;

  /** Returns 0 after a clean stop, 1 when the runtime could not start. */
  int run(CaravanRuntime candidate, PrintWriter out, PrintWriter err) throws InterruptedException {
    Thread hook = new Thread(() -> stopRuntime(candidate), "caravan-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      candidate.start();
    } catch (Exception e) {
      removeHook(hook);
      err.println("caravan: cannot start: " + rootMessage(e));
      err.flush();
      return 1;
    }
    runtime = candidate;
    SummaryPrinter.print(candidate.summary(), out);
    out.flush();
    stopSignal.await();
    stopRuntime(candidate);
    removeHook(hook);
    return 0;
  }

  /** Stops the runtime (what Ctrl-C does), for tests and embedding. */
  void stop() {
    stopSignal.countDown();
  }

  /** The runtime once started, else null. */
  CaravanRuntime runtime() {
    return runtime;
  }

  private void stopRuntime(CaravanRuntime target) {
    target.stop();
    stopSignal.countDown();
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already stopping; the hook does the work.
    }
  }

  static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message =
        cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    return cause == e ? message : e.getMessage() + " (" + message + ")";
  }
}
