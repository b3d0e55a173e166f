package io.caravan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process the harness started (a child JVM or nats-server): output in a log file, /proc
 * statistics.
 */
final class Proc implements AutoCloseable {
  private static final long CLOCK_TICKS = 100; // USER_HZ on Linux
  private final String name;
  private final Process process;
  private final Path log;

  private Proc(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts a command with stdout and stderr appended to {@code log}. */
  static Proc start(String name, List<String> command, Path log) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      return new Proc(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  /** A JVM on the harness's own classpath running {@code mainClass}. */
  static Proc java(
      String name, List<String> jvmOptions, String mainClass, List<String> args, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    return start(name, command, log);
  }

  long pid() {
    return process.pid();
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Waits until the log contains {@code text}; fails when the process exits or the time is up. */
  void awaitLog(String text, long timeoutMillis) {
    awaitLog(text, timeoutMillis, 0);
  }

  /** Same, ignoring the first {@code fromOffset} characters of the log. */
  void awaitLog(String text, long timeoutMillis, int fromOffset) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (true) {
      String content = logText();
      if (content.length() > fromOffset && content.indexOf(text, fromOffset) >= 0) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " exited ("
                + process.exitValue()
                + ") before '"
                + text
                + "'; log "
                + log
                + ":\n"
                + tail(content));
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(
            name
                + ": no '"
                + text
                + "' within "
                + timeoutMillis
                + " ms; log "
                + log
                + ":\n"
                + tail(content));
      }
      sleep(20);
    }
  }

  String logText() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static String tail(String text) {
    return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
  }

  /** Resident set size in bytes (VmRSS), or -1. */
  long rssBytes() {
    return statusField("VmRSS");
  }

  /** Threads of the process, or -1. */
  long threads() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
        if (line.startsWith("Threads:")) {
          return Long.parseLong(line.substring(8).trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  private long statusField(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
        if (line.startsWith(field + ":")) {
          String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** CPU seconds (user + system) the process used so far, or -1. */
  double cpuSeconds() {
    return cpuSeconds(pid());
  }

  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  /** Java heap in use (bytes) after a full GC, from {@code jcmd}; -1 when it cannot be read. */
  long heapUsedAfterGc() {
    try {
      jcmd("GC.run");
      String out = jcmd("GC.heap_info");
      Matcher m = HEAP_USED.matcher(out);
      return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private String jcmd(String command) throws IOException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(jcmd.toString(), String.valueOf(pid()), command)
            .redirectErrorStream(true)
            .start();
    try {
      byte[] out = p.getInputStream().readAllBytes();
      p.waitFor(30, TimeUnit.SECONDS);
      return new String(out, StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** SIGKILL. */
  void kill9() {
    process.destroyForcibly();
    waitExit(10_000);
  }

  /** SIGTERM, then SIGKILL after {@code graceMillis}. */
  void stop(long graceMillis) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!waitExit(graceMillis)) {
      kill9();
    }
  }

  private boolean waitExit(long millis) {
    try {
      return process.waitFor(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    stop(15_000);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Polls {@code condition} every 50 ms until it holds or the time is up; returns whether it held.
   */
  static boolean await(BooleanSupplier condition, long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      sleep(50);
    }
    return condition.getAsBoolean();
  }
}
