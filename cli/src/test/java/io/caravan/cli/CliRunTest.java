package io.caravan.cli;

import static io.caravan.cli.CliTestSupport.manifest;
import static io.caravan.cli.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.cli.CliTestSupport.Result;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliRunTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The good fixtures, with the webhook on {@code port}. */
  private static Path fixtures(Path dir, int port) throws IOException {
    for (String name : new String[] {"eventsource.yaml", "sensor.yaml", "secrets.yaml"}) {
      String text = Files.readString(Path.of(manifest("good/" + name)));
      Files.writeString(dir.resolve(name), text.replace("\"12345\"", "\"" + port + "\""));
    }
    return dir;
  }

  private static HttpResponse<String> post(String url, String body, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String get(String url) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static void await(String what, BooleanSupplier condition) {
    Awaitility.await(what)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(condition::getAsBoolean);
  }

  @Test
  void runsManifestsWithSecretsFromTheSamePathsAndStopsCleanly(@TempDir Path dir) throws Exception {
    int webhookPort = freePort();
    int metricsPort = freePort();
    fixtures(dir, webhookPort);
    CommandLine commandLine = CaravanCli.commandLine();
    RunCommand command = commandLine.getSubcommands().get("run").getCommand();
    CompletableFuture<Result> running =
        CompletableFuture.supplyAsync(
            () ->
                run(
                    commandLine,
                    "run",
                    "--metrics-port",
                    String.valueOf(metricsPort),
                    dir.toString()));
    try {
      await("the runtime to start", () -> command.runtime() != null || running.isDone());
      assertThat(running).isNotDone();
      String url = "http://localhost:" + webhookPort + "/orders";

      assertThat(post(url, "{\"total\": 150}", null).statusCode()).isEqualTo(401);
      assertThat(post(url, "{\"total\": 150}", "Bearer wrong").statusCode()).isEqualTo(401);
      HttpResponse<String> accepted = post(url, "{\"total\": 150}", "Bearer s3cr3t-token");
      assertThat(accepted.statusCode()).isEqualTo(200);
      assertThat(post(url, "{\"total\": 5}", "Bearer s3cr3t-token").statusCode()).isEqualTo(200);

      String metricsUrl = "http://localhost:" + metricsPort + "/metrics";
      String triggered =
          "argo_events_action_triggered_total{namespace=\"shop\",sensor_name=\"big-orders\","
              + "trigger_name=\"log-big-order\"} 1.0";
      await(
          "the trigger to fire once",
          () -> {
            try {
              return get(metricsUrl).contains(triggered);
            } catch (Exception e) {
              return false;
            }
          });
      assertThat(get(metricsUrl))
          .contains(
              "argo_events_events_sent_total{event_name=\"created\",eventsource_name=\"orders\","
                  + "namespace=\"shop\"} 2.0");
    } finally {
      command.stop();
    }
    Result result = running.get(30, TimeUnit.SECONDS);
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("bus:     in-memory")
        .contains("metrics: http://localhost:" + metricsPort + "/metrics")
        .contains(
            "POST   http://localhost:" + webhookPort + "/orders  (eventsource.orders.created)")
        .contains("big-orders/log-big-order <- order (orders/created) -> log-sink");
    assertThat(result.out() + result.err()).doesNotContain("s3cr3t-token");
    assertThat(command.runtime().camelContext()).isNull();
    try (ServerSocket again = new ServerSocket(webhookPort)) {
      assertThat(again.getLocalPort()).isEqualTo(webhookPort);
    }
  }

  @Test
  void refusesToStartWhenManifestsHaveErrors() {
    Result result = run("run", "--metrics-port", "0", manifest("broken"));
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains(
            manifest("broken/unknown-field.yaml")
                + ": EventSource/typo: spec.webhook.example.methd: ")
        .contains("caravan: not started: 3 error(s) in the manifests");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void badSecretManifestIsAnErrorNamingTheKeyNotTheValue(@TempDir Path dir) throws Exception {
    fixtures(dir, freePort());
    Files.writeString(
        dir.resolve("secrets.yaml"),
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: orders-auth\ndata:\n  token: \"not base64!\"\n");
    Result result = run("run", "--metrics-port", "0", dir.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains(
            dir.resolve("secrets.yaml")
                + ": Secret/orders-auth: data.token: value is not valid base64")
        .doesNotContain("not base64!");
  }

  @Test
  void reportsAPortInUseAndExitsOne(@TempDir Path dir) throws Exception {
    fixtures(dir, freePort());
    try (ServerSocket taken = new ServerSocket(0)) {
      Result result =
          run("run", "--metrics-port", String.valueOf(taken.getLocalPort()), dir.toString());
      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err()).contains("caravan: cannot start:");
    }
  }

  /**
   * {@code --state-dir} stands in for the persistence ConfigMap: a calendar stopped for 4 s sends
   * the 4 seconds it missed as soon as it runs again, long before 4 regular ticks could have come.
   */
  @Test
  void stateDirKeepsCalendarEventsAcrossRuns(@TempDir Path dir, @TempDir Path state)
      throws Exception {
    Files.writeString(
        dir.resolve("ticker.yaml"),
        """
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: ticker
          namespace: ops
        spec:
          calendar:
            tick:
              interval: 1s
              persistence:
                catchup:
                  enabled: true
                  maxDuration: 1m
                configMap:
                  name: ticker-state
        """);
    Path saved = state.resolve("ticker-state.json");
    runUntil(dir, state, () -> Files.exists(saved) && sent(saved) != null);
    String lastOfFirstRun = sent(saved);
    // Justified sleep: wall-clock time must pass while the runtime is down, so ticks are missed.
    Thread.sleep(4_000);

    long started = System.nanoTime();
    CommandLine commandLine = CaravanCli.commandLine();
    RunCommand command = commandLine.getSubcommands().get("run").getCommand();
    CompletableFuture<Result> running =
        CompletableFuture.supplyAsync(
            () ->
                run(
                    commandLine,
                    "run",
                    "--metrics-port",
                    "0",
                    "--state-dir",
                    state.toString(),
                    dir.toString()));
    try {
      await("the runtime to start", () -> command.runtime() != null || running.isDone());
      await("4 events caught up", () -> eventsSent(command) >= 4);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(Duration.ofMillis(3_900));
    } finally {
      command.stop();
    }
    assertThat(running.get(30, TimeUnit.SECONDS).exitCode()).isZero();
    assertThat(sent(saved)).isNotEqualTo(lastOfFirstRun);
  }

  private static void runUntil(Path manifests, Path state, BooleanSupplier condition)
      throws Exception {
    CommandLine commandLine = CaravanCli.commandLine();
    RunCommand command = commandLine.getSubcommands().get("run").getCommand();
    CompletableFuture<Result> running =
        CompletableFuture.supplyAsync(
            () ->
                run(
                    commandLine,
                    "run",
                    "--metrics-port",
                    "0",
                    "--state-dir",
                    state.toString(),
                    manifests.toString()));
    try {
      await("the condition", () -> condition.getAsBoolean() || running.isDone());
      assertThat(running).isNotDone();
    } finally {
      command.stop();
    }
    assertThat(running.get(30, TimeUnit.SECONDS).exitCode()).isZero();
  }

  /** The eventTime kept for ticker.tick, or null. */
  private static String sent(Path saved) {
    try {
      String data =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(saved.toFile())
              .path("ticker.tick")
              .asText(null);
      return data == null
          ? null
          : new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(data)
              .path("eventTime")
              .asText(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static double eventsSent(RunCommand command) {
    var runtime = command.runtime();
    if (runtime == null || runtime.meterRegistry() == null) {
      return 0;
    }
    var counter = runtime.meterRegistry().find("argo_events_events_sent").counter();
    return counter == null ? 0 : counter.count();
  }
}
