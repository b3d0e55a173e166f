package io.caravan.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * Loopback load generator on Vert.x WebClient: open loop at a fixed rate, or closed loop with a
 * fixed number of requests in flight. Bounded in time and in count (the tracker's capacity).
 */
final class LoadGen {
  private final Vertx vertx;
  private final Tracker tracker;
  private final Context context;

  LoadGen(Vertx vertx, Tracker tracker) {
    this.vertx = vertx;
    this.tracker = tracker;
    this.context = vertx.getOrCreateContext();
  }

  /** One phase of load: what was sent and answered, and the webhook's response times. */
  record Phase(
      String name,
      int fromSeq,
      int toSeq,
      int startMicros,
      int endMicros,
      long accepted,
      long refused,
      long failed,
      int[] ingressMicros,
      double offeredRate) {
    double seconds() {
      return (endMicros - startMicros) / 1e6;
    }

    double acceptedPerSecond() {
      return accepted / seconds();
    }
  }

  /** Sends {@code rate} requests/s for {@code millis} (at most {@code maxInFlight} outstanding). */
  Phase openLoop(
      String name, int port, IntFunction<String> path, double rate, long millis, int maxInFlight) {
    return run(name, port, path, rate, millis, maxInFlight, 0);
  }

  /** Keeps {@code concurrency} requests outstanding for {@code millis}. */
  Phase closedLoop(String name, int port, IntFunction<String> path, int concurrency, long millis) {
    return run(name, port, path, 0, millis, concurrency, concurrency);
  }

  private Phase run(
      String name,
      int port,
      IntFunction<String> path,
      double rate,
      long millis,
      int maxInFlight,
      int closedConcurrency) {
    CompletableFuture<Phase> done = new CompletableFuture<>();
    context.runOnContext(
        v -> new Run(name, port, path, rate, millis, maxInFlight, closedConcurrency, done).start());
    return done.join();
  }

  private final class Run {
    final String name;
    final int port;
    final IntFunction<String> path;
    final double rate;
    final long millis;
    final int maxInFlight;
    final int closed;
    final CompletableFuture<Phase> done;
    final WebClient client;
    int fromSeq;
    int startMicros;
    int endMicros;
    long sentCount;
    int inFlight;
    long accepted;
    long refused;
    long failed;
    boolean stopped;
    long timer = -1;
    int[] ingress = new int[1 << 16];
    int ingressCount;

    Run(
        String name,
        int port,
        IntFunction<String> path,
        double rate,
        long millis,
        int maxInFlight,
        int closed,
        CompletableFuture<Phase> done) {
      this.name = name;
      this.port = port;
      this.path = path;
      this.rate = rate;
      this.millis = millis;
      this.maxInFlight = maxInFlight;
      this.closed = closed;
      this.done = done;
      // Closed loop: one connection per request in flight; open loop: up to 64 connections, then a
      // queue.
      int pool = closed > 0 ? closed : Math.min(64, maxInFlight);
      this.client =
          WebClient.create(
              vertx,
              new WebClientOptions()
                  .setMaxPoolSize(pool)
                  .setKeepAlive(true)
                  .setTcpNoDelay(true)
                  .setConnectTimeout(5000)
                  .setIdleTimeout(0)
                  .setMaxWaitQueueSize(-1)
                  .setDefaultHost("127.0.0.1")
                  .setDefaultPort(port));
    }

    void start() {
      fromSeq = tracker.peekSeq();
      startMicros = tracker.nowMicros();
      vertx.setTimer(millis, id -> stop());
      if (closed > 0) {
        for (int i = 0; i < closed; i++) {
          sendOne();
        }
      } else {
        timer = vertx.setPeriodic(1, id -> tick());
      }
    }

    void tick() {
      if (stopped) {
        return;
      }
      double elapsed = (tracker.nowMicros() - startMicros) / 1e6;
      long due = (long) Math.min(elapsed * rate, rate * millis / 1000.0); // bounded in count too
      while (sentCount < due && inFlight < maxInFlight && !stopped) {
        if (!sendOne()) {
          break;
        }
      }
    }

    boolean sendOne() {
      int seq = tracker.nextSeq();
      if (seq < 0) {
        stop();
        return false;
      }
      Buffer body = Payloads.event(seq);
      int sentAt = tracker.nowMicros();
      tracker.sent(seq, sentAt);
      sentCount++;
      inFlight++;
      client
          .post(path.apply(seq))
          .putHeader("Content-Type", "application/json")
          .sendBuffer(body)
          .onComplete(ar -> answered(seq, sentAt, ar.succeeded() ? ar.result() : null));
      return true;
    }

    void answered(int seq, int sentAt, HttpResponse<Buffer> response) {
      inFlight--;
      int now = tracker.nowMicros();
      if (response == null) {
        failed++;
        tracker.answered(seq, Tracker.FAILED);
      } else if (response.statusCode() / 100 == 2) {
        accepted++;
        tracker.answered(seq, Tracker.ACCEPTED);
        if (ingressCount == ingress.length) {
          ingress = Arrays.copyOf(ingress, ingress.length * 2);
        }
        ingress[ingressCount++] = now - sentAt;
      } else {
        refused++;
        tracker.answered(seq, Tracker.REFUSED);
      }
      if (closed > 0 && !stopped) {
        sendOne();
      } else if (stopped && inFlight == 0) {
        finish();
      }
    }

    void stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      endMicros = tracker.nowMicros();
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
      if (inFlight == 0) {
        finish();
      } else {
        vertx.setTimer(
            60_000, id -> finish()); // answers still missing after a minute count as failed
      }
    }

    void finish() {
      if (done.isDone()) {
        return;
      }
      client.close();
      int[] sorted = Arrays.copyOf(ingress, ingressCount);
      Arrays.sort(sorted);
      int toSeq = fromSeq + (int) sentCount;
      done.complete(
          new Phase(
              name,
              fromSeq,
              toSeq,
              startMicros,
              endMicros,
              accepted,
              refused,
              failed + inFlight,
              sorted,
              rate));
    }
  }
}
