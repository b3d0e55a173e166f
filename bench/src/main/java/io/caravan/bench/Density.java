package io.caravan.bench;

import io.caravan.cli.CaravanCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 6 item 4: N Sensors (one webhook dependency and one http trigger each) and one EventSource
 * with N webhook endpoints in one runtime: compile time per manifest, start-up time, RSS and heap
 * after start and after a burst of events spread over every sensor.
 */
final class Density {
  static final String SECTION = "density";
  private static final Pattern STARTED_IN =
      Pattern.compile("Caravan started \\d+ route\\(s\\) from \\d+ document\\(s\\) in (\\d+) ms");
  private final Bench bench;

  Density(Bench bench) {
    this.bench = bench;
  }

  void run() {
    for (int n : bench.config.densitySensors()) {
      try {
        one(n);
      } catch (RuntimeException e) {
        bench.results.add(
            SECTION, "sensors-" + n, "failed", 1, e.getMessage().lines().findFirst().orElse(""));
        Bench.log("sensors-" + n + " failed: " + e.getMessage().lines().findFirst().orElse(""));
      }
    }
  }

  private void one(int n) {
    String name = "sensors-" + n;
    Path dir = bench.dir("density-" + n);
    int port = Proc.freePort();
    Manifests.write(dir, "eventsource.yaml", Manifests.eventSource(port, n));
    StringBuilder sensors = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sensors
          .append(i == 0 ? "" : "---\n")
          .append(Manifests.sensor("s" + i, Manifests.eventName(n, i), bench.receiver.url()));
    }
    Manifests.write(dir, "sensors.yaml", sensors.toString());
    Results r = bench.results;

    // Compile: 'caravan generate' in this JVM, the second run timed (the first one warms the JIT
    // up).
    double[] millis = new double[2];
    for (int round = 0; round < 2; round++) {
      long start = System.nanoTime();
      int code =
          CaravanCli.commandLine()
              .setOut(new PrintWriter(Writer.nullWriter()))
              .setErr(new PrintWriter(new StringWriter()))
              .execute("generate", dir.toString());
      millis[round] = (System.nanoTime() - start) / 1e6;
      if (code != 0) {
        throw new IllegalStateException("caravan generate failed for " + dir);
      }
    }
    r.add(SECTION, name, "compile_ms_per_manifest_cold", millis[0] / (n + 1), "ms");
    r.add(SECTION, name, "compile_ms_per_manifest", millis[1] / (n + 1), "ms");

    try (NatsServer nats = bench.nats()) {
      long launch = System.nanoTime();
      // Bounded so that one slow start-up cannot take the whole run's time budget.
      try (Proc proc = bench.caravan(name, nats, dir, List.of(), 420_000)) {
        double wall = (System.nanoTime() - launch) / 1e9;
        Matcher m = STARTED_IN.matcher(proc.logText());
        r.add(SECTION, name, "startup_wall_s", wall, "s");
        r.add(
            SECTION,
            name,
            "startup_runtime_s",
            m.find() ? Long.parseLong(m.group(1)) / 1000.0 : Double.NaN,
            "s");
        r.add(SECTION, name, "rss_after_start_mib", proc.rssBytes() / 1048576.0, "MiB");
        r.add(SECTION, name, "heap_after_start_mib", proc.heapUsedAfterGc() / 1048576.0, "MiB");
        r.add(SECTION, name, "threads_after_start", proc.threads(), "threads");
        int events = bench.config.densityEvents();
        int rate = 500;
        int base = bench.tracker.peekSeq();
        LoadGen.Phase phase =
            bench.load.openLoop(
                "density",
                port,
                seq -> "/" + Manifests.eventName(n, (seq - base) % n),
                rate,
                events * 1000L / rate,
                256);
        boolean all = bench.tracker.awaitDelivered(phase.fromSeq(), phase.toSeq(), 10_000, 120_000);
        Tracker.Outcome o = bench.tracker.outcome(phase.fromSeq(), phase.toSeq());
        r.add(SECTION, name, "events_sent", o.sent(), "events");
        r.add(SECTION, name, "events_triggered", o.triggered(), "events");
        r.add(SECTION, name, "events_lost", o.lost(), "events");
        r.add(SECTION, name, "rss_after_events_mib", proc.rssBytes() / 1048576.0, "MiB");
        r.add(SECTION, name, "heap_after_events_mib", proc.heapUsedAfterGc() / 1048576.0, "MiB");
        r.add(SECTION, name, "threads_after_events", proc.threads(), "threads");
        Bench.log(
            String.format(
                Locale.ROOT,
                "%s: start %.1f s, RSS %.0f MiB -> %.0f MiB, %d/%d events%s",
                name,
                wall,
                r.get(SECTION, name, "rss_after_start_mib"),
                r.get(SECTION, name, "rss_after_events_mib"),
                o.triggered(),
                o.sent(),
                all ? "" : " (not all delivered)"));
      }
    }
  }
}
