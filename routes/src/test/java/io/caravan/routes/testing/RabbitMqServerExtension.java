package io.caravan.routes.testing;

import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real RabbitMQ node for tests (Debian's {@code rabbitmq-server}): its own node name, AMQP port
 * on 127.0.0.1, distribution port, epmd (a private one, on its own port) and data directory, all
 * kept when the node is stopped and started again, so durable queues survive a restart. Use it as a
 * static {@code @RegisterExtension} field (one node per test class), as an instance field (stopped
 * after each test), or on its own with {@link #start()} and {@link #close()}. Every node still
 * running when the JVM exits is stopped by a shutdown hook. The node's only user is {@link #USER}
 * with password {@link #PASSWORD} (no {@code guest}, so a client without credentials is refused).
 */
public final class RabbitMqServerExtension
    implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, AutoCloseable {
  private static final String SERVER = "/usr/lib/rabbitmq/bin/rabbitmq-server";
  public static final String USER = "caravan";
  public static final String PASSWORD = "s3cret";
  private static final Set<RabbitMqServerExtension> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> List.copyOf(RUNNING).forEach(RabbitMqServerExtension::stop),
                "rabbitmq-server-stopper"));
  }

  private final int port = freePort();
  private final int distPort = freePort();
  private final int epmdPort = freePort();
  private final int tlsPort = freePort();
  private String certPem;
  private String keyPem;
  private final Path base;
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private Process epmd;
  private Process server;
  private boolean classScoped;

  public RabbitMqServerExtension() {
    try {
      base = Files.createTempDirectory("caravan-rabbitmq-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code amqp://caravan:s3cret@127.0.0.1:<port>}; the same across restarts. */
  public String url() {
    return "amqp://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port;
  }

  /** Also a TLS listener with this PEM certificate and unencrypted key ({@link #tlsUrl()}). */
  public RabbitMqServerExtension withTls(String certPem, String keyPem) {
    this.certPem = certPem;
    this.keyPem = keyPem;
    return this;
  }

  /** {@code amqps://<host>:<tls port>} (no user information), with {@link #withTls}. */
  public String tlsUrl(String host) {
    return "amqps://" + host + ":" + tlsPort;
  }

  /** {@code amqp://127.0.0.1:<port>}, without user information. */
  public String urlWithoutUser() {
    return "amqp://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /** Starts the node (same ports and data as before) and waits until it accepts clients. */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      Files.createDirectories(base.resolve("home"));
      Files.writeString(base.resolve("enabled_plugins"), "[].\n");
      Files.writeString(base.resolve("rabbitmq-env.conf"), "");
      Files.writeString(base.resolve("rabbitmq.conf"), config());
      epmd =
          new ProcessBuilder("epmd", "-port", String.valueOf(epmdPort), "-address", "127.0.0.1")
              .redirectErrorStream(true)
              .redirectOutput(base.resolve("epmd.log").toFile())
              .start();
      ProcessBuilder builder =
          new ProcessBuilder(SERVER)
              .redirectErrorStream(true)
              .redirectOutput(base.resolve("server.log").toFile());
      Map<String, String> env = builder.environment();
      env.put("HOME", base.resolve("home").toString());
      env.put("ERL_EPMD_PORT", String.valueOf(epmdPort));
      env.put("RABBITMQ_NODENAME", "caravan" + port + "@localhost");
      env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
      env.put("RABBITMQ_NODE_PORT", String.valueOf(port));
      env.put("RABBITMQ_DIST_PORT", String.valueOf(distPort));
      env.put("RABBITMQ_MNESIA_BASE", base.resolve("mnesia").toString());
      env.put("RABBITMQ_LOG_BASE", base.resolve("log").toString());
      env.put("RABBITMQ_CONFIG_FILE", base.resolve("rabbitmq.conf").toString());
      env.put("RABBITMQ_ENABLED_PLUGINS_FILE", base.resolve("enabled_plugins").toString());
      env.put("RABBITMQ_CONF_ENV_FILE", base.resolve("rabbitmq-env.conf").toString());
      env.put("RABBITMQ_PID_FILE", base.resolve("rabbitmq.pid").toString());
      server = builder.start();
      RUNNING.add(this);
    } catch (IOException e) {
      stop();
      throw new UncheckedIOException("cannot start rabbitmq-server on port " + port, e);
    }
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(
              () -> {
                if (!server.isAlive()) {
                  throw new IllegalStateException(
                      "rabbitmq-server exited: " + Files.readString(base.resolve("server.log")));
                }
                try (Connection probe = factory().newConnection("probe")) {
                  return probe.isOpen();
                }
              });
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  private String config() {
    StringBuilder config =
        new StringBuilder()
            .append("listeners.tcp.1 = 127.0.0.1:")
            .append(port)
            .append('\n')
            .append("default_user = " + USER + "\n")
            .append("default_pass = " + PASSWORD + "\n")
            .append("disk_free_limit.absolute = 1MB\n")
            .append(tls())
            .append("log.console = false\n")
            .append("log.file.level = warning\n");
    return config.toString();
  }

  private String tls() {
    if (certPem == null) {
      return "";
    }
    try {
      Files.writeString(base.resolve("cert.pem"), certPem);
      Files.writeString(base.resolve("key.pem"), keyPem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "listeners.ssl.1 = 127.0.0.1:"
        + tlsPort
        + "\nssl_options.certfile = "
        + base.resolve("cert.pem")
        + "\nssl_options.keyfile = "
        + base.resolve("key.pem")
        + "\nssl_options.verify = verify_none\nssl_options.fail_if_no_peer_cert = false\n";
  }

  /** Stops the node (its processes end with it); ports and data stay for {@link #start()}. */
  public synchronized void stop() {
    for (Connection connection : connections) {
      connection.abort(1_000);
    }
    connections.clear();
    for (Process process : new Process[] {server, epmd}) {
      if (process != null) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> handle.onExit().join());
      }
    }
    server = null;
    epmd = null;
    RUNNING.remove(this);
  }

  public void restart() {
    stop();
    start();
  }

  /** A client factory for this node, as {@link #USER}. */
  public ConnectionFactory factory() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(url());
    factory.setAutomaticRecoveryEnabled(false);
    return factory;
  }

  /** A client connection (closed after the current test). */
  public Connection connect() throws Exception {
    Connection connection = factory().newConnection("test");
    connections.add(connection);
    return connection;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    classScoped = true;
    start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (Connection connection : connections) {
      connection.abort(1_000);
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

  /** Stops the node and deletes its data. */
  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(base)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
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
