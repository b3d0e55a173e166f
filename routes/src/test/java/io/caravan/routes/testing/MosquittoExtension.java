package io.caravan.routes.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real MQTT broker for tests (Debian's {@code mosquitto}) on a free port of 127.0.0.1, with a
 * generated configuration: anonymous clients allowed, or, with {@link #withUser}, only that user
 * (its password file made by {@code mosquitto_passwd}). The port stays the same across {@link
 * #stop()} and {@link #start()}. Use it as a static {@code @RegisterExtension} field (one broker
 * per test class), as an instance field (stopped after each test), or on its own. Every broker
 * still running when the JVM exits is stopped by a shutdown hook.
 */
public final class MosquittoExtension
    implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, AutoCloseable {
  private static final Set<MosquittoExtension> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> List.copyOf(RUNNING).forEach(MosquittoExtension::stop), "mosquitto-stopper"));
  }

  private final int port = freePort();
  private final Path base;
  private String user;
  private String password;
  private String certPem;
  private String keyPem;
  private Process server;
  private boolean classScoped;

  public MosquittoExtension() {
    try {
      base = Files.createTempDirectory("caravan-mosquitto-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Only this user (no anonymous clients). */
  public MosquittoExtension withUser(String user, String password) {
    this.user = user;
    this.password = password;
    return this;
  }

  /** A TLS listener (instead of the plain one) with this PEM certificate and unencrypted key. */
  public MosquittoExtension withTls(String certPem, String keyPem) {
    this.certPem = certPem;
    this.keyPem = keyPem;
    return this;
  }

  /** {@code tcp://127.0.0.1:<port>} ({@code ssl://} with TLS); the same across restarts. */
  public String url() {
    return (certPem == null ? "tcp" : "ssl") + "://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Starts the broker and waits until it accepts connections. */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      StringBuilder config =
          new StringBuilder()
              .append("listener ")
              .append(port)
              .append(" 127.0.0.1\n")
              // started as root, mosquitto would switch to a user that cannot read this directory
              .append("user ")
              .append(System.getProperty("user.name"))
              .append('\n');
      if (certPem != null) {
        Files.writeString(base.resolve("cert.pem"), certPem);
        Files.writeString(base.resolve("key.pem"), keyPem);
        config
            .append("certfile ")
            .append(base.resolve("cert.pem"))
            .append("\nkeyfile ")
            .append(base.resolve("key.pem"))
            .append('\n');
      }
      if (user == null) {
        config.append("allow_anonymous true\n");
      } else {
        Path passwords = base.resolve("passwords");
        Process passwd =
            new ProcessBuilder("mosquitto_passwd", "-b", "-c", passwords.toString(), user, password)
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("passwd.log").toFile())
                .start();
        if (passwd.waitFor() != 0) {
          throw new IllegalStateException(
              "mosquitto_passwd failed: " + Files.readString(base.resolve("passwd.log")));
        }
        config.append("allow_anonymous false\npassword_file ").append(passwords).append('\n');
      }
      Files.writeString(base.resolve("mosquitto.conf"), config);
      server =
          new ProcessBuilder("/usr/sbin/mosquitto", "-c", base.resolve("mosquitto.conf").toString())
              .redirectErrorStream(true)
              .redirectOutput(base.resolve("mosquitto.log").toFile())
              .start();
      RUNNING.add(this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start mosquitto on port " + port, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptions()
        .until(
            () -> {
              if (!server.isAlive()) {
                throw new IllegalStateException(
                    "mosquitto exited: " + Files.readString(base.resolve("mosquitto.log")));
              }
              try (Socket socket = new Socket("127.0.0.1", port)) {
                return socket.isConnected();
              }
            });
  }

  /** Stops the broker; the port stays reserved for {@link #start()}. */
  public synchronized void stop() {
    if (server != null) {
      server.destroy();
      try {
        if (!server.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
          server.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      server = null;
    }
    RUNNING.remove(this);
  }

  public void restart() {
    stop();
    start();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    classScoped = true;
    start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!classScoped) {
      close();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** Stops the broker and deletes its files. */
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
