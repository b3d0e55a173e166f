package io.caravan.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark and fault harness (issue 6). Runs every section, prints a table, and writes {@code
 * results.json}, {@code results.csv} and {@code latency.svg} to {@code bench.out} (default {@code
 * bench/target/results}). {@code -Dbench.quick=true}: short phases, to check the harness. {@code
 * -Dbench.only=throughput,density,faults,fuzz}: a subset.
 */
public final class Bench {
  final Config config;
  final Results results = new Results();
  final Path workDir;
  final Path outDir;
  final Vertx vertx;
  final Tracker tracker;
  final Receiver receiver;
  final LoadGen load;

  /** Durations and sizes; {@code quick} shrinks them to a harness check. */
  record Config(
      boolean quick,
      long warmupMillis,
      long measureMillis,
      int[] rates,
      int saturationConcurrency,
      int[] densitySensors,
      int densityEvents,
      long killBurstMillis,
      long killEveryMillis,
      int faultRate,
      long natsLoadMillis,
      long natsStopAtMillis,
      long natsDownMillis,
      int fuzzRequests,
      int fuzzManifests,
      int rawMessages,
      List<String> jvmOptions) {
    static Config fromSystemProperties() {
      boolean quick = Boolean.getBoolean("bench.quick");
      String jvm = System.getProperty("bench.jvmOpts", "-Xms64m -Xmx512m -XX:+UseG1GC");
      List<String> jvmOptions = jvm.isBlank() ? List.of() : Arrays.asList(jvm.trim().split("\\s+"));
      Config config = quick ? quick(jvmOptions) : full(jvmOptions);
      String sensors = System.getProperty("bench.densitySensors");
      if (sensors != null) {
        int[] n =
            Arrays.stream(sensors.split(",")).mapToInt(v -> Integer.parseInt(v.trim())).toArray();
        config =
            new Config(
                config.quick,
                config.warmupMillis,
                config.measureMillis,
                config.rates,
                config.saturationConcurrency,
                n,
                config.densityEvents,
                config.killBurstMillis,
                config.killEveryMillis,
                config.faultRate,
                config.natsLoadMillis,
                config.natsStopAtMillis,
                config.natsDownMillis,
                config.fuzzRequests,
                config.fuzzManifests,
                config.rawMessages,
                config.jvmOptions);
      }
      return config;
    }

    private static Config quick(List<String> jvmOptions) {
      return new Config(
          true,
          3_000,
          3_000,
          new int[] {1000, 5000},
          32,
          new int[] {10, 100},
          200,
          12_000,
          4_000,
          300,
          12_000,
          3_000,
          3_000,
          1_000,
          1_000,
          30_000,
          jvmOptions);
    }

    private static Config full(List<String> jvmOptions) {
      return new Config(
          false,
          15_000,
          10_000,
          new int[] {1000, 5000},
          32,
          new int[] {10, 100, 1000},
          1000,
          40_000,
          10_000,
          500,
          30_000,
          8_000,
          5_000,
          10_000,
          10_000,
          200_000,
          jvmOptions);
    }
  }

  Bench(Config config, Path outDir) throws Exception {
    this.config = config;
    this.outDir = outDir;
    Files.createDirectories(outDir);
    this.workDir = Files.createTempDirectory("caravan-bench");
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    this.tracker = new Tracker(config.quick ? 1_500_000 : 6_000_000);
    this.receiver = Receiver.start(vertx, tracker);
    this.load = new LoadGen(vertx, tracker);
  }

  public static void main(String[] args) throws Exception {
    Config config = Config.fromSystemProperties();
    Path out = Path.of(System.getProperty("bench.out", "bench/target/results"));
    List<String> only =
        List.of(System.getProperty("bench.only", "throughput,density,faults,fuzz").split(","));
    Bench bench = new Bench(config, out);
    long begin = System.nanoTime();
    bench.results.note("started", Instant.now().toString());
    bench.results.note(
        "mode", config.quick ? "quick (harness check: short phases, not figures)" : "full");
    bench.results.note("machine", Machine.describe());
    bench.results.note("childJvmOptions", String.join(" ", config.jvmOptions));
    List<String> failures = new ArrayList<>();
    for (String section : only) {
      String name = section.trim();
      log("=== " + name + " ===");
      try {
        switch (name) {
          case "throughput" -> new Throughput(bench).run();
          case "density" -> new Density(bench).run();
          case "faults" -> new Faults(bench).run();
          case "fuzz" -> new Fuzz(bench).run();
          default -> throw new IllegalArgumentException("unknown section " + name);
        }
      } catch (Exception | AssertionError e) {
        failures.add(name + ": " + e);
        log("section " + name + " failed: " + e);
        e.printStackTrace();
      }
    }
    double minutes = (System.nanoTime() - begin) / 60e9;
    bench.results.note("durationMinutes", String.format(Locale.ROOT, "%.1f", minutes));
    bench.results.note("failedSections", String.join("; ", failures));
    bench.results.writeJson(out.resolve("results.json"));
    bench.results.writeCsv(out.resolve("results.csv"));
    Report.svg(bench.results, out.resolve("latency.svg"));
    System.out.println(Report.table(bench.results));
    log(
        String.format(
            Locale.ROOT, "done in %.1f min; results in %s", minutes, out.toAbsolutePath()));
    bench.vertx.close();
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  static void log(String message) {
    System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + message);
    System.out.flush();
  }

  Path dir(String name) {
    try {
      return Files.createDirectories(workDir.resolve(name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  NatsServer nats() {
    return new NatsServer(workDir).start();
  }

  /** A child JVM running {@code caravan run} on the manifests in {@code dir}. */
  Proc caravan(String name, NatsServer nats, Path dir, List<String> extraJvm, String... options) {
    return caravan(name, nats, dir, extraJvm, 300_000, options);
  }

  /**
   * Same, waiting at most {@code startMillis} for "Caravan started" (the process is stopped
   * otherwise).
   */
  Proc caravan(
      String name,
      NatsServer nats,
      Path dir,
      List<String> extraJvm,
      long startMillis,
      String... options) {
    List<String> jvm = new ArrayList<>(config.jvmOptions);
    jvm.addAll(extraJvm);
    List<String> args = new ArrayList<>(List.of("run", "--bus", nats.url(), "--metrics-port", "0"));
    args.addAll(List.of(options));
    args.add(dir.toString());
    Proc proc =
        Proc.java(name, jvm, "io.caravan.cli.CaravanCli", args, workDir.resolve(name + ".log"));
    try {
      proc.awaitLog("Caravan started", startMillis);
    } catch (IllegalStateException e) {
      proc.stop(5_000);
      throw e;
    }
    return proc;
  }

  Proc child(String name, String mainClass, String... args) {
    Proc proc =
        Proc.java(
            name, config.jvmOptions, mainClass, List.of(args), workDir.resolve(name + ".log"));
    proc.awaitLog("READY", 120_000);
    return proc;
  }
}
