package io.caravan.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the figures come from: CPUs, memory, JVM, nats-server, and how busy it was. */
final class Machine {
  private Machine() {}

  static String describe() {
    String cpu = "?";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .findFirst()
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .orElse("?");
    } catch (Exception e) {
      // keep '?'
    }
    String load = "?";
    try {
      load = Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      // keep '?'
    }
    return Runtime.getRuntime().availableProcessors()
        + " CPUs ("
        + cpu
        + "), "
        + Runtime.getRuntime().maxMemory() / (1 << 20)
        + " MiB harness heap, Java "
        + Runtime.version()
        + ", loadavg at start "
        + load;
  }

  /** Busy fraction of all CPUs between two {@link #cpuTicks()} samples. */
  static double busy(long[] before, long[] after) {
    double total = after[0] - before[0];
    return total <= 0 ? Double.NaN : (after[1] - before[1]) / total;
  }

  /** {total, busy} jiffies of the machine from /proc/stat. */
  static long[] cpuTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total, total - idle};
    } catch (Exception e) {
      return new long[] {0, 0};
    }
  }
}
