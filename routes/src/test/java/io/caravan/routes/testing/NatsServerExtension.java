package io.caravan.routes.testing;

import io.nats.NatsServerRunner;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code nats-server} with JetStream for tests: a free port on 127.0.0.1 and a temporary
 * store directory, both kept when the server is stopped and started again, so streams and durable
 * consumers survive a restart. Use it as a static {@code @RegisterExtension} field (one server per
 * test class, stopped after the class), as an instance field (stopped after each test), or on its
 * own with {@link #start()} and {@link #close()}. {@link #connect()} gives client connections
 * closed after each test. Every server still running when the JVM exits is stopped by a shutdown
 * hook, so no {@code nats-server} process outlives the tests.
 */
public final class NatsServerExtension
    implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, AutoCloseable {
  /**
   * nats-server's own output: only failures, the banner of every start is noise in test reports.
   */
  private static final Logger SERVER_LOG =
      Logger.getLogger("io.caravan.routes.testing.nats-server");

  /** Every extension whose server is running, for the shutdown hook. */
  private static final Set<NatsServerExtension> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    SERVER_LOG.setLevel(Level.SEVERE);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  List.copyOf(RUNNING).forEach(NatsServerExtension::stop);
                  // Any nats-server child of this JVM left (a start that failed half-way) ends with
                  // it.
                  ProcessHandle.current()
                      .children()
                      .filter(
                          child ->
                              child
                                  .info()
                                  .command()
                                  .map(c -> c.endsWith("nats-server"))
                                  .orElse(false))
                      .forEach(ProcessHandle::destroy);
                },
                "nats-server-stopper"));
  }

  private final int port;
  private final Path storeDir;
  private final List<String> extraArgs;
  private NatsServerRunner server;

  /** True when registered as a static field: the server then lives until the class is done. */
  private boolean classScoped;

  /** Connections made by {@link #connect()}, closed after the test. */
  private final List<Connection> connections = new CopyOnWriteArrayList<>();

  public NatsServerExtension() {
    this(new String[0]);
  }

  /**
   * A server started with these extra nats-server arguments too, e.g. {@code "--auth", "s3cret"}.
   */
  public NatsServerExtension(String... extraArgs) {
    this.extraArgs = List.of(extraArgs);
    this.port = freePort();
    try {
      this.storeDir = Files.createTempDirectory("caravan-nats-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code nats://127.0.0.1:<port>}; stays the same across restarts. */
  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public Path storeDir() {
    return storeDir;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /**
   * Starts the server (on the same port and store as before) and waits until it accepts clients.
   */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    Exception failure = null;
    for (int attempt = 1; attempt <= 3 && server == null; attempt++) {
      try {
        server =
            NatsServerRunner.builder()
                .port(port)
                .jetstream(true)
                .customArgs(
                    java.util.stream.Stream.concat(
                            java.util.stream.Stream.of(
                                "-a", "127.0.0.1", "-sd", storeDir.toString()),
                            extraArgs.stream())
                        .toList())
                .outputLogger(SERVER_LOG)
                .build();
        RUNNING.add(this);
      } catch (IOException | IllegalStateException e) {
        // The runner gives up (IllegalStateException "Connection refused" from its connect check)
        // when the server is slow to accept clients on a loaded machine, but leaves the process
        // running: stop it, then try again.
        failure = e;
        destroyServerProcesses();
      }
    }
    if (server == null) {
      throw new IllegalStateException("cannot start nats-server on port " + port, failure);
    }
  }

  /**
   * Ends the nats-server processes this JVM started on this extension's port, whatever the runner
   * knows.
   */
  private void destroyServerProcesses() {
    String portArgument = "--port " + port + " ";
    ProcessHandle.current()
        .children()
        .filter(
            child ->
                child
                    .info()
                    .commandLine()
                    .map(
                        line -> line.contains("nats-server") && (line + " ").contains(portArgument))
                    .orElse(false))
        .forEach(
            child -> {
              child.destroy();
              try {
                child.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
              } catch (Exception e) {
                child.destroyForcibly();
              }
            });
  }

  /** Stops the server; its port and store stay reserved for {@link #start()}. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.shutdown(true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server = null;
      RUNNING.remove(this);
      destroyServerProcesses(); // in case the runner lost track of its process
    }
  }

  public void restart() {
    stop();
    start();
  }

  /**
   * A client connection to this server (its own, as one replica's), closed after the current test.
   */
  public Connection connect() throws IOException, InterruptedException {
    Connection connection = Nats.connect(url());
    connections.add(connection);
    return connection;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    classScoped = true;
    start();
  }

  /**
   * An instance-field extension (no {@code beforeAll}) stops its server and deletes its store after
   * each test.
   */
  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    for (Connection connection : connections) {
      connection.close();
    }
    connections.clear();
    if (!classScoped) {
      close();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** Stops the server and deletes its store. */
  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(storeDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a leftover temp directory is harmless
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
