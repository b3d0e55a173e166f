package io.caravan.bench;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.ConsumerInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Issue 6 item 5 (delivery faults): kill -9 of the sensor runtime every few seconds during a burst,
 * and nats-server stopped and restarted mid-load. Each prints accepted / triggered / lost /
 * duplicated.
 */
final class Faults {
  static final String SECTION = "faults";

  /** Short ack wait so events held by a killed sensor come back within the run (default 60 s). */
  static final String ACK_WAIT = "5s";

  private final Bench bench;

  Faults(Bench bench) {
    this.bench = bench;
  }

  void run() throws Exception {
    killSensor();
    restartNats();
  }

  private void killSensor() throws Exception {
    Path sourceDir = bench.dir("kill-source");
    Path sensorDir = bench.dir("kill-sensor");
    int port = Proc.freePort();
    Manifests.write(sourceDir, "eventsource.yaml", Manifests.eventSource(port, 1));
    Manifests.write(
        sensorDir, "sensor.yaml", Manifests.sensor("bench", "example", bench.receiver.url()));
    List<String> sensorJvm = List.of("-Dcamel.component.eventbus.ackWait=" + ACK_WAIT);
    try (NatsServer nats = bench.nats();
        Proc source = bench.caravan("kill-source", nats, sourceDir, List.of())) {
      Proc sensor = bench.caravan("kill-sensor-0", nats, sensorDir, sensorJvm);
      bench.results.note("faults.kill.ackWait", ackWaitOf(nats.url()));
      long millis = bench.config.killBurstMillis();
      int rate = bench.config.faultRate();
      CompletableFuture<LoadGen.Phase> load =
          CompletableFuture.supplyAsync(
              () -> bench.load.openLoop("kill", port, s -> "/example", rate, millis, 4096));
      int kills = 0;
      long start = System.currentTimeMillis();
      while (System.currentTimeMillis() - start + bench.config.killEveryMillis() < millis) {
        Proc.sleep(bench.config.killEveryMillis());
        sensor.kill9();
        kills++;
        Bench.log("kill -9 sensor runtime #" + kills);
        sensor = bench.caravan("kill-sensor-" + kills, nats, sensorDir, sensorJvm);
      }
      LoadGen.Phase phase = load.join();
      try {
        bench.tracker.awaitDelivered(phase.fromSeq(), phase.toSeq(), 20_000, 180_000);
        report("kill-sensor", phase, "kills", kills);
      } finally {
        sensor.close();
      }
    }
  }

  private void restartNats() {
    Path dir = bench.dir("nats-restart");
    int port = Proc.freePort();
    Manifests.write(dir, "eventsource.yaml", Manifests.eventSource(port, 1));
    Manifests.write(dir, "sensor.yaml", Manifests.sensor("bench", "example", bench.receiver.url()));
    try (NatsServer nats = bench.nats();
        Proc proc =
            bench.caravan(
                "nats-restart",
                nats,
                dir,
                List.of("-Dcamel.component.eventbus.ackWait=" + ACK_WAIT))) {
      int rate = bench.config.faultRate();
      CompletableFuture<LoadGen.Phase> load =
          CompletableFuture.supplyAsync(
              () ->
                  bench.load.openLoop(
                      "nats-restart",
                      port,
                      s -> "/example",
                      rate,
                      bench.config.natsLoadMillis(),
                      4096));
      Proc.sleep(bench.config.natsStopAtMillis());
      nats.stop();
      Bench.log("nats-server stopped");
      Proc.sleep(bench.config.natsDownMillis());
      nats.start();
      Bench.log("nats-server restarted");
      LoadGen.Phase phase = load.join();
      bench.tracker.awaitDelivered(phase.fromSeq(), phase.toSeq(), 20_000, 180_000);
      report("nats-restart", phase, "down_s", bench.config.natsDownMillis() / 1000);
      if (!proc.alive()) {
        throw new IllegalStateException(
            "the runtime exited during the nats-server restart; see " + proc.log());
      }
    }
  }

  private void report(String name, LoadGen.Phase phase, String extraMetric, long extra) {
    Tracker.Outcome o = bench.tracker.outcome(phase.fromSeq(), phase.toSeq());
    Results r = bench.results;
    r.add(SECTION, name, "sent", o.sent(), "events");
    r.add(SECTION, name, "accepted", o.accepted(), "events (2xx)");
    r.add(SECTION, name, "refused", o.refused(), "events (non-2xx answer)");
    r.add(SECTION, name, "unanswered", o.failed(), "events (connection error, no answer)");
    r.add(SECTION, name, "triggered", o.triggered(), "events (distinct, at the receiver)");
    r.add(SECTION, name, "lost", o.lost(), "accepted events never triggered (target 0)");
    r.add(SECTION, name, "duplicated", o.duplicated(), "extra deliveries");
    r.add(SECTION, name, "triggered_but_refused", o.triggeredButRefused(), "events");
    r.add(SECTION, name, extraMetric, extra, "");
    Bench.log(
        String.format(
            Locale.ROOT,
            "%s: sent %d, accepted %d, refused %d, unanswered %d, triggered %d, "
                + "lost %d, duplicated %d, triggered though refused %d",
            name,
            o.sent(),
            o.accepted(),
            o.refused(),
            o.failed(),
            o.triggered(),
            o.lost(),
            o.duplicated(),
            o.triggeredButRefused()));
  }

  /**
   * The sensor durable's ack wait as the server has it (checks that the runtime option took
   * effect).
   */
  private static String ackWaitOf(String url) {
    try (Connection connection = Nats.connect(url)) {
      for (ConsumerInfo info : connection.jetStreamManagement().getConsumers("default")) {
        Duration wait = info.getConsumerConfiguration().getAckWait();
        return info.getName()
            + " ackWait "
            + wait
            + ", maxAckPending "
            + info.getConsumerConfiguration().getMaxAckPending();
      }
      return "no consumer";
    } catch (Exception e) {
      return "unknown: " + e;
    }
  }
}
