package io.caravan.routes.trigger.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.testing.TriggerRouteHarness;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sources of a k8s trigger's object: configmap, file, url, git (s3 is refused by the
 * generator).
 */
class KubernetesTriggerSourcesTest {
  private static final String CONFIG_MAP =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: from-%s
      data:
        colour: grey
      """;

  @TempDir Path temp;

  private static String trigger(String source) {
    return """
        template:
          name: t
          k8s:
            operation: create
            source:
        %s
            parameters:
              - src: {dependencyName: d, dataKey: body.colour}
                dest: data.colour
        """
        .formatted(source.indent(6).stripTrailing());
  }

  private static JsonNode objectFrom(String source, MapSecretStore secrets) throws Exception {
    try (var route =
        new TriggerRouteHarness(null, secrets, trigger(source), "log:sources?level=OFF")) {
      Exchange done = route.fire("{\"colour\":\"teal\"}");
      if (done.getException() != null) {
        throw done.getException();
      }
      return TriggerRouteHarness.JSON.valueToTree(done.getMessage().getBody());
    }
  }

  @Test
  void configmapSourceReadsTheKeyFromTheSecretStore() throws Exception {
    MapSecretStore secrets =
        new MapSecretStore().putConfigMap("objects", "settings.yaml", CONFIG_MAP.formatted("cm"));
    JsonNode object = objectFrom("configmap: {name: objects, key: settings.yaml}", secrets);
    assertThat(object.at("/metadata/name").asText()).isEqualTo("from-cm");
    assertThat(object.at("/data/colour").asText()).isEqualTo("teal");
  }

  @Test
  void fileSourceReadsAFile() throws Exception {
    Path file = Files.writeString(temp.resolve("object.yaml"), CONFIG_MAP.formatted("file"));
    JsonNode object = objectFrom("file: {path: '" + file + "'}", null);
    assertThat(object.at("/metadata/name").asText()).isEqualTo("from-file");
    assertThat(object.at("/data/colour").asText()).isEqualTo("teal");
  }

  @Test
  void urlSourceAcceptsOnly200() throws Exception {
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/object.yaml",
        exchange -> {
          byte[] body = CONFIG_MAP.formatted("url").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      JsonNode object =
          objectFrom("url: {path: '" + base + "/object.yaml', verifyCert: false}", null);
      assertThat(object.at("/metadata/name").asText()).isEqualTo("from-url");
      assertThat(object.at("/data/colour").asText()).isEqualTo("teal");

      assertThatThrownBy(() -> objectFrom("url: {path: '" + base + "/missing'}", null))
          .hasMessageContaining("trigger.template.k8s.source.url")
          .hasMessageContaining("404");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aSourceThatCannotBeReadIsReadAgainAsInArgo() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/flaky.yaml",
        exchange -> {
          byte[] body = CONFIG_MAP.formatted("retry").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(requests.incrementAndGet() == 1 ? 503 : 200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      JsonNode object =
          objectFrom(
              "url: {path: 'http://127.0.0.1:" + server.getAddress().getPort() + "/flaky.yaml'}",
              null);
      assertThat(object.at("/metadata/name").asText()).isEqualTo("from-retry");
      assertThat(requests.get()).isEqualTo(2);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anHttpsUrlIsReadWithoutCertificateChecksUnlessVerifyCertIsSet() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      HttpServer server =
          vertx
              .createHttpServer(
                  new HttpServerOptions()
                      .setSsl(true)
                      .setHost("127.0.0.1")
                      .setKeyCertOptions(
                          new PemKeyCertOptions()
                              .setCertValue(Buffer.buffer(resource("/webhook-tls/test-cert.pem")))
                              .setKeyValue(Buffer.buffer(resource("/webhook-tls/test-key.pem")))))
              .requestHandler(request -> request.response().end(CONFIG_MAP.formatted("https")))
              .listen(0)
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      String url = "https://127.0.0.1:" + server.actualPort() + "/object.yaml";

      JsonNode object = objectFrom("url: {path: '" + url + "'}", null);
      assertThat(object.at("/metadata/name").asText())
          .as("self-signed, verifyCert unset")
          .isEqualTo("from-https");
      assertThatThrownBy(() -> objectFrom("url: {path: '" + url + "', verifyCert: true}", null))
          .as("self-signed, verifyCert: true")
          .hasMessageContaining("trigger.template.k8s.source.url");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static String resource(String name) throws Exception {
    try (var in = KubernetesTriggerSourcesTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void gitSourceReadsTheFileOfABranchOrTag() throws Exception {
    File repoDir = temp.resolve("repo").toFile();
    try (Git git = Git.init().setDirectory(repoDir).setInitialBranch("main").call()) {
      Files.createDirectories(repoDir.toPath().resolve("deploy"));
      Files.writeString(
          repoDir.toPath().resolve("deploy/object.yaml"), CONFIG_MAP.formatted("tag"));
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("first")
          .setAuthor("t", "t@example.com")
          .setCommitter("t", "t@example.com")
          .call();
      git.tag().setName("v1").call();
      Files.writeString(
          repoDir.toPath().resolve("deploy/object.yaml"), CONFIG_MAP.formatted("main"));
      git.commit()
          .setAll(true)
          .setMessage("second")
          .setAuthor("t", "t@example.com")
          .setCommitter("t", "t@example.com")
          .call();
    }
    String url = repoDir.toURI().toString();

    JsonNode onMain =
        objectFrom("git: {url: '" + url + "', filePath: deploy/object.yaml, branch: main}", null);
    assertThat(onMain.at("/metadata/name").asText()).isEqualTo("from-main");
    assertThat(onMain.at("/data/colour").asText()).isEqualTo("teal");
    JsonNode onTag =
        objectFrom("git: {url: '" + url + "', filePath: deploy/object.yaml, tag: v1}", null);
    assertThat(onTag.at("/metadata/name").asText()).isEqualTo("from-tag");

    assertThatThrownBy(
            () ->
                objectFrom(
                    "git: {url: '" + url + "', filePath: ../etc/passwd, branch: main}", null))
        .hasMessageContaining("leaves the repository");
    assertThatThrownBy(
            () ->
                objectFrom(
                    "git: {url: 'git@github.com:o/r.git', filePath: a.yaml, sshKeySecret: {name: k, key: id}}",
                    null))
        .hasMessageContaining("ssh access")
        .hasMessageContaining("not supported");
  }

  @Test
  void gitCredentialsAreReadFromTheSecretStore() throws Exception {
    File repoDir = temp.resolve("creds-repo").toFile();
    try (Git git = Git.init().setDirectory(repoDir).setInitialBranch("master").call()) {
      Files.writeString(repoDir.toPath().resolve("object.yaml"), CONFIG_MAP.formatted("creds"));
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("only")
          .setAuthor("t", "t@example.com")
          .setCommitter("t", "t@example.com")
          .call();
    }
    String source =
        "git: {url: '"
            + repoDir.toURI()
            + "', filePath: object.yaml, creds: "
            + "{username: {name: git-creds, key: username}, password: {name: git-creds, key: token}}}";

    assertThatThrownBy(
            () ->
                objectFrom(source, new MapSecretStore().putSecret("git-creds", "username", "bot")))
        .hasMessageContaining(
            "trigger.template.k8s.source.git.creds.password: Secret 'git-creds' has no key 'token'");
    JsonNode object =
        objectFrom(
            source,
            new MapSecretStore()
                .putSecret("git-creds", "username", "bot")
                .putSecret("git-creds", "token", "t0k"));
    assertThat(object.at("/metadata/name").asText())
        .as("default branch master")
        .isEqualTo("from-creds");
  }
}
