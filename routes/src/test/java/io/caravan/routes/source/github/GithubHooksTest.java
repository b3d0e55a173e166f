package io.caravan.routes.source.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.caravan.routes.source.github.GithubTestRoutes.PUSH;
import static io.caravan.routes.source.github.GithubTestRoutes.SECRET;
import static io.caravan.routes.source.github.GithubTestRoutes.route;
import static io.caravan.routes.source.github.GithubTestRoutes.sha256;
import static io.caravan.routes.testing.Http.request;
import static io.caravan.routes.testing.Http.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.IntStream;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hook management against WireMock standing in for the GitHub REST API: a hook with the source's
 * URL and events is reused across pages, else created with Argo's settings; organization hooks;
 * GitHub App authentication (JWT, installation token); GitHub Enterprise base URLs; deletion on
 * stop with {@code deleteHookOnFinish}; a failing API retried while the endpoint keeps serving.
 */
class GithubHooksTest extends RouteContractTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOOK_URL = "https://events.example.com/hooks";
  private static final String HOOKS = "/repos/acme/shop/hooks";
  private final int port = AvailablePortFinder.getNextAvailable();
  private final WireMockServer github =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private KeyPair app;

  @Override
  public boolean isUseRouteBuilder() {
    return false;
  }

  @BeforeEach
  void startGithub() throws Exception {
    github.start();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    app = generator.generateKeyPair();
    // what GitHub hands out: PKCS#1, i.e. the PKCS#8 encoding without its 26-byte header
    byte[] pkcs8 = app.getPrivate().getEncoded();
    byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
    String pem =
        "-----BEGIN RSA PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(pkcs1)
            + "\n-----END RSA PRIVATE KEY-----\n";
    context
        .getRegistry()
        .bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(new SimpleMeterRegistry(), "ns"));
    context
        .getRegistry()
        .bind(
            SecretStore.BEAN_NAME,
            new MapSecretStore()
                .putSecret("gh", "secret", SECRET)
                .putSecret("gh", "token", "api-t0ken")
                .putSecret("gh", "app.pem", pem));
  }

  @AfterEach
  void stopGithub() {
    github.stop();
  }

  private void start(String extra) throws Exception {
    String yaml =
        route(
            "hooks",
            port,
            """
            webhookSecret: gh/secret
            hookUrl: %s
            events: "push,pull_request"
            %s"""
                .formatted(HOOK_URL, extra));
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("hooks.yaml", yaml));
    context.start();
  }

  private String tokenAndEnterprise() {
    return """
        apiToken: gh/token
        repositories: acme/shop
        githubBaseURL: %s/api/v3
        githubUploadURL: %s/api/uploads"""
        .formatted(github.baseUrl(), github.baseUrl());
  }

  @Test
  void createsTheHookWithArgosSettingsAndDeletesItOnStop() throws Exception {
    github.stubFor(
        get(urlPathEqualTo("/api/v3" + HOOKS))
            .willReturn(
                okJson(
                    "[{\"id\":3,\"config\":{\"url\":\"%s\"},\"events\":[\"push\"]}]"
                        .formatted(HOOK_URL))));
    github.stubFor(post(urlPathEqualTo("/api/v3" + HOOKS)).willReturn(okJson("{\"id\":42}")));
    github.stubFor(
        delete(urlPathEqualTo("/api/v3" + HOOKS + "/42")).willReturn(aResponse().withStatus(204)));

    start(tokenAndEnterprise() + "\nactive: true\ncontentType: json\ndeleteHookOnFinish: true");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                github.verify(
                    postRequestedFor(urlPathEqualTo("/api/v3" + HOOKS))
                        .withHeader("Authorization", equalTo("token api-t0ken"))
                        .withRequestBody(
                            equalToJson(
                                """
                    {"name":"web","active":true,"events":["push","pull_request"],
                     "config":{"url":"%s","content_type":"json","insecure_ssl":"0",
                               "secret":"%s"}}"""
                                    .formatted(HOOK_URL, SECRET)))));
    github.verify(
        getRequestedFor(urlPathEqualTo("/api/v3" + HOOKS))
            .withQueryParam("per_page", equalTo("100"))
            .withQueryParam("page", equalTo("1")));

    context.stop();

    github.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v3" + HOOKS + "/42")));
  }

  @Test
  void reusesAHookWithTheSameUrlAndEventsOnALaterPageAndKeepsIt() throws Exception {
    String others =
        IntStream.range(0, 100)
            .mapToObj(i -> "{\"id\":" + (100 + i) + ",\"config\":{\"url\":\"https://other\"}}")
            .reduce((a, b) -> a + "," + b)
            .orElseThrow();
    github.stubFor(
        get(urlPathEqualTo("/api/v3" + HOOKS))
            .withQueryParam("page", equalTo("1"))
            .willReturn(okJson("[" + others + "]")));
    github.stubFor(
        get(urlPathEqualTo("/api/v3" + HOOKS))
            .withQueryParam("page", equalTo("2"))
            .willReturn(
                okJson(
                    "[{\"id\":7,\"config\":{\"url\":\"%s\"},\"events\":[\"pull_request\",\"push\"]}]"
                        .formatted(HOOK_URL))));

    start(tokenAndEnterprise());

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                github.verify(
                    getRequestedFor(urlPathEqualTo("/api/v3" + HOOKS))
                        .withQueryParam("page", equalTo("2"))));
    context.stop();
    github.verify(0, postRequestedFor(urlPathEqualTo("/api/v3" + HOOKS)));
    github.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v3" + HOOKS + "/7")));
  }

  @Test
  void aGithubAppGetsAnInstallationTokenAndManagesOrganizationHooks() throws Exception {
    github.stubFor(
        post(urlPathEqualTo("/api/v3/app/installations/777/access_tokens"))
            .willReturn(
                okJson("{\"token\":\"inst-t0ken\",\"expires_at\":\"2099-01-01T00:00:00Z\"}")));
    github.stubFor(get(urlPathEqualTo("/api/v3/orgs/acme/hooks")).willReturn(okJson("[]")));
    github.stubFor(
        post(urlPathEqualTo("/api/v3/orgs/acme/hooks")).willReturn(okJson("{\"id\":5}")));

    start(
        """
        githubAppPrivateKey: gh/app.pem
        githubAppID: "4242"
        githubAppInstallationID: "777"
        organizations: acme
        insecure: true
        githubBaseURL: %s/api/v3
        githubUploadURL: %s/api/uploads"""
            .formatted(github.baseUrl(), github.baseUrl()));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                github.verify(
                    postRequestedFor(urlPathEqualTo("/api/v3/orgs/acme/hooks"))
                        .withHeader("Authorization", equalTo("token inst-t0ken"))
                        .withRequestBody(
                            equalToJson(
                                "{\"active\":false,\"config\":{\"insecure_ssl\":\"1\"}}",
                                true,
                                true))));
    var exchange =
        github.findAll(
            postRequestedFor(urlPathEqualTo("/api/v3/app/installations/777/access_tokens")));
    assertThat(exchange).hasSize(1);
    String jwt = exchange.get(0).getHeader("Authorization").substring("Bearer ".length());
    String[] parts = jwt.split("\\.");
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(claims.get("iss").asText()).isEqualTo("4242");
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(600);
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(app.getPublic());
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
  }

  @Test
  void failingApiIsRetriedWhileTheEndpointKeepsServing() throws Exception {
    github.stubFor(
        get(urlPathEqualTo("/api/v3" + HOOKS))
            .inScenario("outage")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("recovered"));
    github.stubFor(
        get(urlPathEqualTo("/api/v3" + HOOKS))
            .inScenario("outage")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson("[]")));
    github.stubFor(post(urlPathEqualTo("/api/v3" + HOOKS)).willReturn(okJson("{\"id\":9}")));
    MockEndpoint mock = getMockEndpoint("mock:hooks");
    mock.expectedMessageCount(1);

    start(tokenAndEnterprise());

    var response =
        send(
            request("http://127.0.0.1:" + port + "/hooks")
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", sha256(PUSH))
                .POST(BodyPublishers.ofString(PUSH))
                .build());
    assertThat(response.statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> github.verify(1, postRequestedFor(urlPathEqualTo("/api/v3" + HOOKS))));
    assertThat(github.findAll(getRequestedFor(urlPathEqualTo("/api/v3" + HOOKS))))
        .hasSizeGreaterThanOrEqualTo(2);
    github.verify(
        0, getRequestedFor(urlPathEqualTo(HOOKS)).withHeader("Authorization", matching(".*")));
  }
}
