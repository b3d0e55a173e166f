package io.caravan.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Malformed requests to a running Caravan webhook (JetStream bus): bad JSON, form and multipart
 * bodies, bad escapes, wrong methods and paths, oversized bodies, huge numbers, and raw protocol
 * garbage. A crash is a 5xx answer or an exception in the runtime's log; 2xx is fine only for a
 * body that is valid JSON.
 */
final class WebhookFuzz {
  static final String SECTION = "fuzz";
  private static final int CASES = 16;
  private final Bench bench;
  private final Random random = new Random(42);
  private final Map<String, AtomicLong> statuses = new TreeMap<>();
  private final List<String> crashes = new ArrayList<>();

  WebhookFuzz(Bench bench) {
    this.bench = bench;
  }

  record Request(
      int kind, HttpMethod method, String uri, String contentType, byte[] body, byte[] raw) {}

  void run() throws Exception {
    Path dir = bench.dir("fuzz-webhook");
    int port = Proc.freePort();
    Manifests.write(dir, "eventsource.yaml", Manifests.eventSource(port, 1));
    try (NatsServer nats = bench.nats();
        Proc proc = bench.caravan("fuzz-webhook", nats, dir, List.of())) {
      int logStart = proc.logText().length();
      int total = bench.config.fuzzRequests();
      WebClient client =
          WebClient.create(
              bench.vertx,
              new WebClientOptions()
                  .setMaxPoolSize(16)
                  .setDefaultHost("127.0.0.1")
                  .setDefaultPort(port)
                  .setMaxWaitQueueSize(-1)
                  .setTryUseCompression(false));
      ExecutorService rawPool = Executors.newFixedThreadPool(8);
      Semaphore window = new Semaphore(32);
      List<CompletableFuture<Void>> all = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        Request request = next(i);
        window.acquire();
        CompletableFuture<Void> done =
            request.raw() != null
                ? CompletableFuture.runAsync(() -> raw(port, request), rawPool)
                : send(client, request);
        all.add(done.whenComplete((v, e) -> window.release()));
      }
      CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).join();
      rawPool.shutdown();
      client.close();
      String log = proc.logText().substring(logStart);
      long exceptions =
          log.lines()
              .filter(l -> l.matches(".*(Exception|Error)\\b.*") && !l.startsWith("\tat"))
              .count();
      log.lines()
          .filter(l -> l.matches(".*(Exception|Error)\\b.*"))
          .limit(5)
          .forEach(l -> crashes.add("runtime log: " + l));
      long fiveXx =
          statuses.entrySet().stream()
              .filter(e -> e.getKey().startsWith("5"))
              .mapToLong(e -> e.getValue().get())
              .sum();
      Results r = bench.results;
      r.add(SECTION, "webhook", "requests", total, "requests");
      statuses.forEach(
          (status, n) -> r.add(SECTION, "webhook", "status_" + status, n.get(), "requests"));
      r.add(SECTION, "webhook", "crashes_5xx", fiveXx, "requests (target 0)");
      r.add(SECTION, "webhook", "runtime_log_exceptions", exceptions, "lines (target 0)");
      r.add(SECTION, "webhook", "runtime_alive", proc.alive() ? 1 : 0, "");
      crashes.stream()
          .limit(20)
          .forEach(c -> r.note("fuzz.webhook.crash." + crashes.indexOf(c), c));
      Bench.log(
          "webhook fuzz: "
              + total
              + " requests, statuses "
              + statuses
              + ", 5xx "
              + fiveXx
              + ", exceptions in log "
              + exceptions);
    }
  }

  private Request next(int i) {
    int kind = i % CASES;
    String json = "application/json";
    String form = "application/x-www-form-urlencoded";
    return switch (kind) {
      case 0 -> post(kind, json, bytes(random.nextInt(2000)));
      case 1 -> post(kind, json, truncated());
      case 2 ->
          post(
              kind,
              json,
              ("[".repeat(2000 + random.nextInt(5000))).getBytes(StandardCharsets.US_ASCII));
      case 3 ->
          post(
              kind,
              form,
              ascii(pick("a=%zz&b=%", "%", "a=%G1", "=&=&%%%", "x=" + "%u1234", "a;b;c=%")));
      case 4 -> post(kind, form, bytes(random.nextInt(3000)));
      case 5 ->
          post(
              kind,
              pick("multipart/form-data", "multipart/form-data; boundary=", "multipart/mixed"),
              bytes(random.nextInt(1000)));
      case 6 ->
          post(
              kind,
              "multipart/form-data; boundary=XyZ",
              ascii(
                  "--XyZ\r\nContent-Disposition: form-data; "
                      + "name=\"a\"\r\n\r\n"
                      + new String(bytes(50), StandardCharsets.ISO_8859_1)
                      + pick("", "\r\n--XyZ--", "\r\n--XyZ")));
      case 7 ->
          new Request(
              kind,
              HttpMethod.valueOf(pick("GET", "PUT", "DELETE", "PATCH", "OPTIONS")),
              "/example?" + pick("a=%", "%zz=1", "a=1&&&=", "x=%E0%A4%A"),
              json,
              bytes(random.nextInt(100)),
              null);
      case 8 ->
          new Request(
              kind,
              HttpMethod.POST,
              pick("/nope", "/example/", "/EXAMPLE", "//example", "/health"),
              json,
              ascii("{}"),
              null);
      case 9 ->
          post(
              kind,
              pick(
                  "application/json; charset=bogus",
                  "text/plain",
                  "",
                  "application/json;;;",
                  form + "; charset=utf-8"),
              concat(ascii("{\"a\":\""), bytes(20), ascii("\"}")));
      case 10 ->
          post(
              kind,
              json,
              i % 100 == 10
                  ? bytes(1_048_577)
                  : ascii(
                      "{\"n\":"
                          + pick(
                              "1e999999999",
                              "-1e-999999999",
                              "9".repeat(1200),
                              "1" + "0".repeat(999),
                              "NaN",
                              "0x10",
                              "01")
                          + "}"));
      case 11, 12 -> rawRequest(kind);
      case 13 -> new Request(kind, HttpMethod.POST, "/example", json, ascii("{\"ok\":true}"), null);
      case 14 ->
          post(
              kind,
              json,
              ascii(pick("{\"a\":1,\"a\":2}", "null", "\"x\"", "[]", "1", "{\"a\":[1,2,{}]}")));
      default ->
          post(
              kind,
              pick(json, form, "application/xml"),
              ascii("<x>" + "&#".repeat(random.nextInt(100)) + "</x>"));
    };
  }

  private Request post(int kind, String contentType, byte[] body) {
    return new Request(kind, HttpMethod.POST, "/example", contentType, body, null);
  }

  private Request rawRequest(int kind) {
    String head =
        pick(
            "POST /example HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}",
            "POST /example HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n{}",
            "POST /example HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n{}",
            "POST /example HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
            "POST /example HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}",
            "GARBAGE\r\n\r\n",
            "POST /ex%zzample HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
            "POST /example HTTP/9.9\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
            "POST /example HTTP/1.1\r\nBad Header Line\r\n\r\n",
            "POST /example HTTP/1.1\r\nHost: x\r\nX-Long: " + "a".repeat(20_000) + "\r\n\r\n",
            "POST /example HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{\"a\":");
    byte[] raw =
        kind == 12
            ? concat(
                ascii("POST /example HTTP/1.1\r\n"), bytes(random.nextInt(300)), ascii("\r\n\r\n"))
            : ascii(head);
    return new Request(kind, null, null, null, null, raw);
  }

  private CompletableFuture<Void> send(WebClient client, Request request) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Future<HttpResponse<Buffer>> response;
    try {
      var req = client.request(request.method(), request.uri()).timeout(30_000);
      if (!request.contentType().isEmpty()) {
        req.putHeader("Content-Type", request.contentType());
      }
      response = req.sendBuffer(Buffer.buffer(request.body()));
    } catch (RuntimeException e) {
      count("client-refused");
      done.complete(null);
      return done;
    }
    response.onComplete(
        ar -> {
          if (ar.succeeded()) {
            int status = ar.result().statusCode();
            count(String.valueOf(status));
            if (status >= 500) {
              crash(request, status + " " + ar.result().bodyAsString());
            }
          } else {
            count("no-answer");
          }
          done.complete(null);
        });
    return done;
  }

  private void raw(int port, Request request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.raw());
      out.flush();
      socket
          .shutdownOutput(); // a body shorter than its Content-Length ends here instead of waiting
      InputStream in = socket.getInputStream();
      byte[] head = in.readNBytes(12);
      String line = new String(head, StandardCharsets.ISO_8859_1);
      if (line.startsWith("HTTP/1.") && line.length() >= 12) {
        String status = line.substring(9, 12);
        count(status);
        if (status.startsWith("5")) {
          crash(request, status);
        }
      } else {
        count("closed");
      }
    } catch (java.net.SocketTimeoutException e) {
      count("timeout");
    } catch (Exception e) {
      count("closed");
    }
  }

  private synchronized void count(String status) {
    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
  }

  private synchronized void crash(Request request, String answer) {
    if (crashes.size() < 20) {
      byte[] body = request.raw() != null ? request.raw() : request.body();
      String shown =
          new String(body, 0, Math.min(body.length, 120), StandardCharsets.ISO_8859_1)
              .replaceAll("[^\\x20-\\x7e]", "?");
      crashes.add(
          "case "
              + request.kind()
              + ": "
              + (request.method() == null
                  ? "raw"
                  : request.method()
                      + " "
                      + request.uri()
                      + " Content-Type '"
                      + request.contentType()
                      + "'")
              + " body '"
              + shown
              + "' -> "
              + answer);
    }
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  private byte[] truncated() {
    String full = new String(Payloads.event(1).getBytes(), StandardCharsets.US_ASCII);
    return ascii(full.substring(0, random.nextInt(full.length() - 1)));
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }
}
