package io.caravan.cli;

import static io.caravan.cli.CliTestSupport.manifest;
import static io.caravan.cli.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.api.Manifest;
import io.caravan.api.ManifestReader;
import io.caravan.cli.CliTestSupport.Result;
import io.caravan.generator.RouteGenerator;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code caravan serve}: generated documents from a directory, secrets from Argo-style mounted
 * files.
 */
class CliServeTest {

  @Test
  void servesGeneratedDocumentsWithMountedSecrets(@TempDir Path routes, @TempDir Path mounts)
      throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RouteGenerator generator = new RouteGenerator();
    for (String name : new String[] {"eventsource.yaml", "sensor.yaml"}) {
      String text =
          Files.readString(Path.of(manifest("good/" + name)))
              .replace("\"12345\"", "\"" + port + "\"");
      for (Manifest parsed : ManifestReader.parse(text)) {
        if (parsed.resource() == null) {
          continue;
        }
        Files.writeString(
            routes.resolve(parsed.kind() + "-" + parsed.name() + ".yaml"),
            generator.generate(parsed.resource()).yaml());
      }
    }
    Path token = mounts.resolve("secrets/orders-auth/token");
    Files.createDirectories(token.getParent());
    Files.writeString(token, "s3cr3t-token\n");

    CommandLine commandLine = CaravanCli.commandLine();
    ServeCommand command = commandLine.getSubcommands().get("serve").getCommand();
    CompletableFuture<Result> serving =
        CompletableFuture.supplyAsync(
            () ->
                run(
                    commandLine,
                    "serve",
                    "--metrics-port",
                    "0",
                    "--secrets-dir",
                    mounts.toString(),
                    routes.toString()));
    try {
      await("the runtime to start")
          .atMost(Duration.ofSeconds(60))
          .until(() -> command.runtime() != null || serving.isDone());
      assertThat(command.runtime())
          .as("runtime started; " + (serving.isDone() ? serving.join().err() : "still starting"))
          .isNotNull();
      String url = "http://localhost:" + port + "/orders";
      assertThat(post(url, "Bearer wrong")).isEqualTo(401);
      assertThat(post(url, "Bearer s3cr3t-token")).isEqualTo(200);
    } finally {
      command.stop();
    }
    Result result = serving.get(30, TimeUnit.SECONDS);
    assertThat(result.exitCode()).isZero();
    assertThat(result.out() + result.err()).doesNotContain("s3cr3t-token");
  }

  @Test
  void leaderLeaseReachesTheRuntimeAndLeavesWebhooksRunning(@TempDir Path routes) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Files.writeString(
        routes.resolve("eventsource-hooks.yaml"),
        new RouteGenerator()
            .generate(
                ManifestReader.parse(
                        """
            apiVersion: argoproj.io/v1alpha1
            kind: EventSource
            metadata: {name: hooks}
            spec:
              webhook:
                ping: {port: "%d", endpoint: /ping, method: POST}
            """
                            .formatted(port))
                    .get(0)
                    .resource())
            .yaml());

    CommandLine commandLine = CaravanCli.commandLine();
    ServeCommand command = commandLine.getSubcommands().get("serve").getCommand();
    CompletableFuture<Result> serving =
        CompletableFuture.supplyAsync(
            () ->
                run(
                    commandLine,
                    "serve",
                    "--metrics-port",
                    "0",
                    "--leader-lease",
                    "eventsource-hooks",
                    routes.toString()));
    try {
      await("the runtime to start")
          .atMost(Duration.ofSeconds(60))
          .until(() -> command.runtime() != null || serving.isDone());
      assertThat(command.runtime()).isNotNull();
      assertThat(command.runtime().options().leaderLease().name()).isEqualTo("eventsource-hooks");
      assertThat(command.runtime().options().leaderLease().identity()).isNotBlank();
      // webhooks are active-active: served at once, whoever holds the Lease
      assertThat(post("http://localhost:" + port + "/ping", "none")).isEqualTo(200);
    } finally {
      command.stop();
    }
    assertThat(serving.get(30, TimeUnit.SECONDS).exitCode()).isZero();
  }

  @Test
  void emptyRoutesDirectoryIsAnError(@TempDir Path routes) {
    Result result = run("serve", "--metrics-port", "0", routes.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("nothing to serve");
  }

  private static int post(String url, String authorization) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofString("{\"total\": 150}"))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }
}
