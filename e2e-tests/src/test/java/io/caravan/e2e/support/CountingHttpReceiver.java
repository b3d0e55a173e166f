package io.caravan.e2e.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;

/**
 * An HTTP server on a free port that counts the requests per value of one JSON body field (the
 * trigger's payload key for the event id) and answers 200: for thousands of requests, where a list
 * would be slow.
 */
public final class CountingHttpReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();
  private final List<Long> arrivals = new CopyOnWriteArrayList<>();

  public CountingHttpReceiver(String field) throws IOException {
    this(field, Duration.ZERO);
  }

  /**
   * As {@link #CountingHttpReceiver(String)}, answering each request after {@code delay} (a slow
   * receiver).
   */
  public CountingHttpReceiver(String field, Duration delay) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/",
        exchange -> {
          arrivals.add(System.nanoTime());
          try (InputStream in = exchange.getRequestBody()) {
            String value = JSON.readTree(in).path(field).asText("");
            counts.computeIfAbsent(value, k -> new AtomicInteger()).incrementAndGet();
            total.incrementAndGet();
          } catch (IOException e) {
            counts.computeIfAbsent("(unreadable)", k -> new AtomicInteger()).incrementAndGet();
          }
          if (!delay.isZero()) {
            try {
              Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Requests received in all. */
  public int total() {
    return total.get();
  }

  /** When each request arrived ({@link System#nanoTime()}), in arrival order. */
  public List<Long> arrivals() {
    return List.copyOf(arrivals);
  }

  /** How often each value arrived. */
  public Map<String, Integer> counts() {
    Map<String, Integer> out = new java.util.HashMap<>();
    counts.forEach((value, count) -> out.put(value, count.get()));
    return out;
  }

  /** Requests beyond the first of each value. */
  public int duplicates() {
    return counts.values().stream().mapToInt(count -> count.get() - 1).sum();
  }

  /** Waits until every one of {@code values} arrived at least once; false at the timeout. */
  public boolean awaitAll(Set<String> values, Duration timeout) throws InterruptedException {
    return eventually(timeout, () -> counts.keySet().containsAll(values));
  }

  /** Waits until at least {@code count} requests arrived; false at the timeout. */
  public boolean awaitTotal(int count, Duration timeout) throws InterruptedException {
    return eventually(timeout, () -> total.get() >= count);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static boolean eventually(Duration timeout, java.util.concurrent.Callable<Boolean> done) {
    try {
      await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(done);
      return true;
    } catch (ConditionTimeoutException timedOut) {
      return false;
    }
  }
}
