package io.caravan.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Issue 6 items 1-3: webhook → JetStream → sensor → HTTP trigger at fixed offered loads and at
 * saturation, for Caravan, the hand-written pipeline (a) and the hand-written Camel route;
 * ingestion alone for Caravan and (a); the raw limits (b) JetStream and (c) a bare Vert.x server.
 */
final class Throughput {
  static final String SECTION = "throughput";
  private final Bench bench;

  Throughput(Bench bench) {
    this.bench = bench;
  }

  void run() throws Exception {
    String only = System.getProperty("bench.cases", "");
    java.util.function.Predicate<String> on =
        c -> only.isBlank() || List.of(only.split(",")).contains(c);
    if (on.test("raw-jetstream")) {
      RawJetStream.run(bench);
    }
    if (on.test("bare-http")) {
      bare();
    }
    for (String pipeline : List.of("caravan", "hand-a", "hand-camel")) {
      if (on.test(pipeline)) {
        endToEnd(pipeline);
      }
    }
    for (String pipeline : List.of("caravan-ingress", "hand-a-ingress")) {
      if (on.test(pipeline)) {
        ingress(pipeline);
      }
    }
    ratios();
  }

  private void bare() {
    int port = Proc.freePort();
    try (Proc proc = bench.child("bare-http", BareHttpMain.class.getName(), String.valueOf(port))) {
      saturate("bare-http", port, "/example", List.of(proc), false);
    }
  }

  /** Starts the pipeline {@code name} on a fresh nats-server; returns its process. */
  private Proc startPipeline(String name, NatsServer nats, int port) {
    String receiver = bench.receiver.url();
    return switch (name) {
      case "caravan", "caravan-ingress" -> {
        Path dir = bench.dir(name);
        Manifests.write(dir, "eventsource.yaml", Manifests.eventSource(port, 1));
        if (name.equals("caravan")) {
          Manifests.write(dir, "sensor.yaml", Manifests.sensor("bench", "example", receiver));
        }
        yield bench.caravan(name, nats, dir, List.of());
      }
      case "hand-a", "hand-a-ingress" ->
          bench.child(
              name,
              HandPipelineMain.class.getName(),
              nats.url(),
              String.valueOf(port),
              receiver,
              name.endsWith("ingress") ? "ingress" : "full");
      case "hand-camel" ->
          bench.child(
              name,
              HandCamelMain.class.getName(),
              nats.url(),
              String.valueOf(port),
              receiver,
              "64");
      default -> throw new IllegalArgumentException(name);
    };
  }

  private void endToEnd(String name) {
    int port = Proc.freePort();
    try (NatsServer nats = bench.nats();
        Proc proc = startPipeline(name, nats, port)) {
      List<Proc> procs = List.of(proc, nats.proc());
      String path = "/example";
      Bench.log(name + ": warm-up " + bench.config.warmupMillis() / 1000 + " s at saturation");
      LoadGen.Phase warm =
          bench.load.closedLoop(
              "warm-up",
              port,
              s -> path,
              bench.config.saturationConcurrency(),
              bench.config.warmupMillis());
      bench.tracker.awaitDelivered(warm.fromSeq(), warm.toSeq(), 3_000, 60_000);
      for (int rate : bench.config.rates()) {
        measure(
            name,
            rate + "/s",
            procs,
            true,
            () ->
                bench.load.openLoop(
                    rate + "/s", port, s -> path, rate, bench.config.measureMillis(), 1024));
      }
      saturate(name, port, path, procs, true);
    }
  }

  private void ingress(String name) {
    int port = Proc.freePort();
    try (NatsServer nats = bench.nats();
        Proc proc = startPipeline(name, nats, port)) {
      saturate(name, port, "/example", List.of(proc, nats.proc()), false);
    }
  }

  private void saturate(String name, int port, String path, List<Proc> procs, boolean delivered) {
    int c = bench.config.saturationConcurrency();
    if (!delivered) {
      Bench.log(name + ": warm-up " + bench.config.warmupMillis() / 1000 + " s at saturation");
      bench.load.closedLoop("warm-up", port, s -> path, c, bench.config.warmupMillis());
    }
    measure(
        name,
        "sat-c" + c,
        procs,
        delivered,
        () -> bench.load.closedLoop("sat-c" + c, port, s -> path, c, bench.config.measureMillis()));
  }

  private void measure(
      String name, String load, List<Proc> procs, boolean delivered, Supplier<LoadGen.Phase> run) {
    List<Double> cpuBefore = new ArrayList<>();
    procs.forEach(p -> cpuBefore.add(p.cpuSeconds()));
    double harnessBefore = Proc.cpuSeconds(ProcessHandle.current().pid());
    long[] machineBefore = Machine.cpuTicks();
    LoadGen.Phase phase = run.get();
    long[] machineAfter = Machine.cpuTicks();
    double seconds = phase.seconds();
    Results r = bench.results;
    String m = load + ".";
    r.add(SECTION, name, m + "accepted_per_s", phase.acceptedPerSecond(), "events/s");
    r.add(SECTION, name, m + "refused", phase.refused() + phase.failed(), "requests");
    r.add(SECTION, name, m + "ingress_p50_ms", Stats.of(phase.ingressMicros()).p50(), "ms");
    r.add(SECTION, name, m + "ingress_p99_ms", Stats.of(phase.ingressMicros()).p99(), "ms");
    for (int i = 0; i < procs.size(); i++) {
      double cores = (procs.get(i).cpuSeconds() - cpuBefore.get(i)) / seconds;
      r.add(
          SECTION,
          name,
          m + "cores_" + procs.get(i).name().replaceAll("-ingress$", ""),
          cores,
          "cores");
    }
    r.add(
        SECTION,
        name,
        m + "cores_harness",
        (Proc.cpuSeconds(ProcessHandle.current().pid()) - harnessBefore) / seconds,
        "cores");
    r.add(SECTION, name, m + "machine_busy", Machine.busy(machineBefore, machineAfter), "fraction");
    String line =
        String.format(
            java.util.Locale.ROOT, "%s %s: %.0f accepted/s", name, load, phase.acceptedPerSecond());
    if (delivered) {
      long byEnd = bench.tracker.arrivedBy(phase.fromSeq(), phase.toSeq(), phase.endMicros());
      int drainStart = bench.tracker.nowMicros();
      bench.tracker.awaitDelivered(phase.fromSeq(), phase.toSeq(), 5_000, 120_000);
      double drain = (bench.tracker.nowMicros() - drainStart) / 1e6;
      Tracker.Outcome o = bench.tracker.outcome(phase.fromSeq(), phase.toSeq());
      Stats e2e = Stats.of(bench.tracker.endToEnd(phase.fromSeq(), phase.toSeq()));
      double deliveredRate = byEnd / seconds;
      r.add(
          SECTION,
          name,
          m + "offered_per_s",
          phase.offeredRate() > 0 ? phase.offeredRate() : Double.NaN,
          "events/s");
      r.add(SECTION, name, m + "delivered_per_s", deliveredRate, "events/s");
      r.add(
          SECTION,
          name,
          m + "sustained_per_s",
          Math.min(deliveredRate, phase.acceptedPerSecond()),
          "events/s");
      r.add(SECTION, name, m + "drain_s", drain, "s");
      r.add(SECTION, name, m + "e2e_p50_ms", e2e.p50(), "ms");
      r.add(SECTION, name, m + "e2e_p90_ms", e2e.p90(), "ms");
      r.add(SECTION, name, m + "e2e_p99_ms", e2e.p99(), "ms");
      r.add(SECTION, name, m + "e2e_max_ms", e2e.max(), "ms");
      r.add(SECTION, name, m + "lost", o.lost(), "events");
      r.add(SECTION, name, m + "duplicated", o.duplicated(), "events");
      line +=
          String.format(
              java.util.Locale.ROOT,
              ", %.0f delivered/s, e2e p50 %.2f p99 %.2f max %.1f ms, lost %d, dup %d, drain %.1f s",
              deliveredRate,
              e2e.p50(),
              e2e.p99(),
              e2e.max(),
              o.lost(),
              o.duplicated(),
              drain);
    }
    Bench.log(line);
  }

  private void ratios() {
    Results r = bench.results;
    String sat = "sat-c" + bench.config.saturationConcurrency() + ".";
    double caravan = r.get(SECTION, "caravan", sat + "sustained_per_s");
    double handA = r.get(SECTION, "hand-a", sat + "sustained_per_s");
    double handCamel = r.get(SECTION, "hand-camel", sat + "sustained_per_s");
    double caravanIn = r.get(SECTION, "caravan-ingress", sat + "accepted_per_s");
    double handIn = r.get(SECTION, "hand-a-ingress", sat + "accepted_per_s");
    double bare = r.get(SECTION, "bare-http", sat + "accepted_per_s");
    double rawPub = r.get(SECTION, "raw-jetstream", "publish_per_s");
    double rawSub = r.get(SECTION, "raw-jetstream", "consume_per_s");
    String s = "ratios";
    r.add(s, "caravan/hand-a", "end_to_end", caravan / handA, "x (target >= 0.7)");
    r.add(s, "caravan/hand-a", "ingestion", caravanIn / handIn, "x (target >= 0.7)");
    r.add(s, "caravan/raw-jetstream", "end_to_end", caravan / Math.min(rawPub, rawSub), "x");
    r.add(s, "caravan/bare-http", "ingestion", caravanIn / bare, "x");
    r.add(s, "hand-a/bare-http", "ingestion", handIn / bare, "x");
    r.add(s, "hand-camel/caravan", "throughput", handCamel / caravan, "x (target <= 1.1)");
    for (int rate : bench.config.rates()) {
      String m = rate + "/s.e2e_p99_ms";
      r.add(
          s,
          "caravan/hand-camel",
          rate + "/s.p99",
          r.get(SECTION, "caravan", m) / r.get(SECTION, "hand-camel", m),
          "x (target <= 1.1)");
      r.add(
          s,
          "caravan/hand-a",
          rate + "/s.p99",
          r.get(SECTION, "caravan", m) / r.get(SECTION, "hand-a", m),
          "x");
    }
  }
}
