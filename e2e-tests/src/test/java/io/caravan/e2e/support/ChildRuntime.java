package io.caravan.e2e.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Caravan runtime in a child JVM (same classpath as the tests), so a test can {@code kill -9} it.
 * Its output goes to {@code <dir>/runtime.log}. {@link #close()} kills it if it still runs, and so
 * does the end of the test JVM.
 */
public final class ChildRuntime implements AutoCloseable {
  /** Children still running when the test JVM exits (a failed or interrupted test) end with it. */
  private static final java.util.Set<Process> RUNNING =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "child-runtime-stopper"));
  }

  private final Process process;
  private final Path log;

  private ChildRuntime(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Writes the manifests' routes into {@code dir}, starts a JVM running them, and waits until it
   * started.
   */
  public static ChildRuntime start(Caravan manifests, String busUrl, Path dir, Duration timeout)
      throws IOException, InterruptedException {
    Path routes = manifests.writeTo(dir.resolve("routes"));
    Path ready = dir.resolve("ready");
    Files.deleteIfExists(ready);
    Path log = dir.resolve("runtime.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                ChildRuntimeMain.class.getName(),
                routes.toString(),
                busUrl,
                ready.toString()));
    for (Map.Entry<String, String> property : manifests.camelProperties().entrySet()) {
      command.add(property.getKey() + "=" + property.getValue());
    }
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    RUNNING.add(process);
    ChildRuntime child = new ChildRuntime(process, log);
    try {
      await("the child runtime to start")
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> Files.exists(ready) || !process.isAlive());
    } catch (org.awaitility.core.ConditionTimeoutException timedOut) {
      // reported below with the child's log
    }
    if (!Files.exists(ready)) {
      {
        child.close();
        throw new AssertionError(
            "child runtime did not start within "
                + timeout
                + "; its log "
                + log
                + ":\n"
                + tail(log));
      }
    }
    return child;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** {@code kill -9}: the JVM ends at once, without any shutdown hook or graceful stop. */
  public void kill() throws InterruptedException {
    process.destroyForcibly(); // SIGKILL on Linux
    process.waitFor(10, TimeUnit.SECONDS);
    RUNNING.remove(process);
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(
          File.separator.equals("/") ? "\n" : "\r\n",
          lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
