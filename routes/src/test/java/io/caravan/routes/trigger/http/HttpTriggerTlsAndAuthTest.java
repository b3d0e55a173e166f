package io.caravan.routes.trigger.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.testing.TriggerTestRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * http trigger over mutual TLS (CA, client certificate and key from Secret references) against a
 * real Vert.x HTTPS server that requires a client certificate, plus basicAuth, timeout and every
 * method.
 */
class HttpTriggerTlsAndAuthTest {
  private static final String CERT = TriggerTestRoutes.resource("/webhook-tls/test-cert.pem");
  private static final String KEY = TriggerTestRoutes.resource("/webhook-tls/test-key.pem");

  private final Vertx vertx = Vertx.vertx();
  private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
  private HttpServer server;
  private TriggerTestRoutes routes;

  @BeforeEach
  void start() throws Exception {
    server =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setSsl(true)
                    .setKeyCertOptions(
                        new PemKeyCertOptions()
                            .setCertValue(Buffer.buffer(CERT))
                            .setKeyValue(Buffer.buffer(KEY)))
                    .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(CERT)))
                    .setClientAuth(ClientAuth.REQUIRED))
            .requestHandler(
                request ->
                    request
                        .body()
                        .onSuccess(
                            body -> {
                              if (request.path().equals("/slow")) {
                                vertx.setTimer(15_000, id -> request.response().end("late"));
                                return;
                              }
                              seen.add(
                                  request.method()
                                      + " "
                                      + request.uri()
                                      + " auth="
                                      + request.getHeader("Authorization")
                                      + " body="
                                      + body.toString(StandardCharsets.UTF_8));
                              request.response().setStatusCode(202).end("accepted");
                            }))
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    MapSecretStore secrets =
        new MapSecretStore()
            .putSecret("tls", "ca.crt", CERT)
            .putSecret("tls", "tls.crt", CERT)
            .putSecret("tls", "tls.key", KEY)
            .putSecret("creds", "user", "deployer")
            .putSecret("creds", "password", "p@ss");
    String base = "https://localhost:" + server.actualPort();
    String tls =
        "    tls:\n      caCertSecret: {name: tls, key: ca.crt}\n"
            + "      clientCertSecret: {name: tls, key: tls.crt}\n      clientKeySecret: {name: tls, key: tls.key}\n";
    routes =
        new TriggerTestRoutes(secrets)
            .trigger(
                "mtls",
                "template:\n  name: mtls\n  http:\n    url: "
                    + base
                    + "/deploy\n    method: PATCH\n"
                    + "    basicAuth:\n      username: {name: creds, key: user}\n      password: {name: creds, key: password}\n"
                    + "    payload:\n      - src: {dependencyName: test-dep, dataKey: body.v}\n        dest: v\n"
                    + tls
                    + "policy:\n  status:\n    allow: [202]\n",
                "kamelet:http-sink?url="
                    + base
                    + "/deploy&method=PATCH&timeoutSeconds=30&statusAllow=202")
            .trigger(
                "no-client-cert",
                "template:\n  name: no-client-cert\n  http:\n    url: "
                    + base
                    + "/x\n"
                    + "    tls:\n      caCertSecret: {name: tls, key: ca.crt}\n",
                "kamelet:http-sink?url=" + base + "/x&timeoutSeconds=30")
            .trigger(
                "get",
                "template:\n  name: get\n  http:\n    url: "
                    + base
                    + "/status\n    method: GET\n"
                    + tls,
                "kamelet:http-sink?url=" + base + "/status&method=GET&timeoutSeconds=30")
            .trigger(
                "delete",
                "template:\n  name: delete\n  http:\n    url: "
                    + base
                    + "/item\n    method: DELETE\n"
                    + tls,
                "kamelet:http-sink?url=" + base + "/item&method=DELETE&timeoutSeconds=30")
            .trigger(
                "slow",
                "template:\n  name: slow\n  http:\n    url: "
                    + base
                    + "/slow\n    timeout: 1\n"
                    + tls,
                "kamelet:http-sink?url=" + base + "/slow&timeoutSeconds=1")
            .start();
  }

  @AfterEach
  void stop() throws Exception {
    routes.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void sendsOverMutualTlsWithBasicAuth() throws Exception {
    Exchange done = routes.fire("mtls", "{\"v\":\"go\"}");

    assertThat(done.getException()).isNull();
    String basic =
        Base64.getEncoder().encodeToString("deployer:p@ss".getBytes(StandardCharsets.UTF_8));
    assertThat(seen.poll(10, TimeUnit.SECONDS))
        .isEqualTo("PATCH /deploy auth=Basic " + basic + " body={\"v\":\"go\"}");
    assertThat(done.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(202);
  }

  @Test
  void withoutAClientCertificateTheHandshakeFailsTheTrigger() throws Exception {
    Exchange done = routes.fire("no-client-cert", "{}");

    assertThat(done.getException())
        .isInstanceOf(HttpTriggerSink.HttpTriggerException.class)
        .hasMessageContaining("request to https://localhost:");
    assertThat(seen).isEmpty();
  }

  @Test
  void getAndDeleteAreSentWithTheirMethod() throws Exception {
    assertThat(routes.fire("get", "{}").getException()).isNull();
    assertThat(seen.poll(10, TimeUnit.SECONDS)).startsWith("GET /status ");
    assertThat(routes.fire("delete", "{}").getException()).isNull();
    assertThat(seen.poll(10, TimeUnit.SECONDS)).startsWith("DELETE /item ");
  }

  @Test
  void aResponseSlowerThanTheTimeoutFailsTheTrigger() throws Exception {
    long start = System.nanoTime();
    Exchange done = routes.fire("slow", "{}");

    assertThat(done.getException()).isInstanceOf(HttpTriggerSink.HttpTriggerException.class);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(12_000);
  }
}
