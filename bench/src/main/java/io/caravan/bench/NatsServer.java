package io.caravan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A nats-server with JetStream (file storage) on a free loopback port, stoppable and restartable.
 */
final class NatsServer implements AutoCloseable {
  static final String BINARY = System.getProperty("bench.nats", "/usr/sbin/nats-server");
  private final int port;
  private final Path storeDir;
  private final Path logDir;
  private Proc proc;
  private int starts;

  NatsServer(Path workDir) {
    this.port = Proc.freePort();
    try {
      this.storeDir = Files.createTempDirectory(workDir, "jetstream");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.logDir = workDir;
  }

  NatsServer start() {
    starts++;
    proc =
        Proc.start(
            "nats-server",
            List.of(
                BINARY,
                "-a",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-js",
                "-sd",
                storeDir.toString()),
            logDir.resolve("nats-" + port + "-" + starts + ".log"));
    if (!Proc.await(this::accepting, 10_000)) {
      throw new IllegalStateException(
          "nats-server did not open port " + port + "; see " + proc.log());
    }
    proc.awaitLog("Server is ready", 10_000);
    return this;
  }

  private boolean accepting() {
    try (Socket ignored = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** SIGTERM (a clean stop that keeps the file store). */
  void stop() {
    if (proc != null) {
      proc.stop(10_000);
    }
  }

  String url() {
    return "nats://127.0.0.1:" + port;
  }

  Proc proc() {
    return proc;
  }

  @Override
  public void close() {
    stop();
  }
}
