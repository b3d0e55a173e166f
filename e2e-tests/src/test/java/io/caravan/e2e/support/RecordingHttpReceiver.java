package io.caravan.e2e.support;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/** A real HTTP server on a free port that records every request it receives and answers 200. */
public final class RecordingHttpReceiver implements AutoCloseable {

  /** One received request. */
  public record Request(
      String method, String path, String query, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile int status = 200;

  public RecordingHttpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            requests.add(
                new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body));
          }
          byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public void answerWith(int status) {
    this.status = status;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Waits until at least {@code count} requests matched, or fails after {@code timeout}. */
  public List<Request> awaitRequests(int count, Duration timeout, Predicate<Request> matching)
      throws InterruptedException {
    try {
      return await("%d matching requests".formatted(count))
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> requests.stream().filter(matching).toList(), m -> m.size() >= count);
    } catch (ConditionTimeoutException timedOut) {
      // reported below with what arrived
    }
    throw new AssertionError(
        "expected "
            + count
            + " requests within "
            + timeout
            + ", got "
            + requests.stream().filter(matching).count());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
