package io.caravan.routes.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A real {@code redis-server} for tests, started by the test on a free 127.0.0.1 port with no
 * persistence ({@code --save "" --appendonly no}); the port stays the same when the server is
 * stopped and started again. Use it as a static {@code @RegisterExtension} field (one server per
 * test class) or on its own with {@link #start()} and {@link #close()}. {@link #client()} gives
 * connections closed after each test. Every server still running when the JVM exits is stopped.
 */
public final class RedisServerExtension
    implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, AutoCloseable {
  private static final Set<RedisServerExtension> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> List.copyOf(RUNNING).forEach(RedisServerExtension::stop),
                "redis-server-stopper"));
  }

  private final int port;
  private final List<String> extraArgs;
  private final String password;
  private final List<Jedis> clients = new ArrayList<>();
  private Process server;

  public RedisServerExtension() {
    this(null);
  }

  /** A server that requires this password ({@code --requirepass}); null for none. */
  public RedisServerExtension(String password) {
    this.password = password;
    this.extraArgs = password == null ? List.of() : List.of("--requirepass", password);
    this.port = freePort();
  }

  /** {@code 127.0.0.1:<port>}, as a redis source's {@code hostAddress}. */
  public String hostAddress() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public synchronized boolean isRunning() {
    return server != null && server.isAlive();
  }

  /** Starts the server (on the same port as before) and waits until it answers PING. */
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    List<String> command = new ArrayList<>(List.of(binary(), "--port", String.valueOf(port)));
    command.addAll(
        List.of("--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"));
    command.addAll(extraArgs);
    try {
      server =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start redis-server on port " + port, e);
    }
    RUNNING.add(this);
    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(
            () -> {
              try (Jedis jedis = connect()) {
                return "PONG".equals(jedis.ping());
              }
            });
  }

  /** Stops the server (its data is gone: nothing is persisted); the port stays reserved. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.destroy();
    try {
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server = null;
      RUNNING.remove(this);
    }
  }

  public void restart() {
    stop();
    start();
  }

  /** A client connection (authenticated when the server has a password), closed after the test. */
  public synchronized Jedis client() {
    Jedis jedis = connect();
    clients.add(jedis);
    return jedis;
  }

  private Jedis connect() {
    DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder();
    if (password != null) {
      config.password(password);
    }
    return new Jedis(new HostAndPort("127.0.0.1", port), config.build());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public synchronized void afterEach(ExtensionContext context) {
    clients.forEach(Jedis::close);
    clients.clear();
    if (isRunning()) {
      try (Jedis jedis = connect()) {
        jedis.flushAll();
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    stop();
  }

  /** {@code redis-server} from PATH, or Debian's {@code /usr/bin/redis-server}. */
  private static String binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File candidate = new File(dir, "redis-server");
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    return "/usr/bin/redis-server";
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
