package io.caravan.routes.source.bitbucket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.caravan.routes.testing.Http.request;
import static io.caravan.routes.testing.Http.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bitbucket (Cloud) endpoint over real HTTP through the Kamelet, with a WireMock Bitbucket API
 * 2.0: the event data {@code {headers, body, metadata}}, Argo's {@code invalid event}, and hook
 * management (an old hook with the same URL deleted, a new one created, deleted on stop; a failing
 * API retried while the endpoint serves).
 */
class BitbucketProviderTest extends RouteContractTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOOK_URL = "https://events.example.com/cloud";
  private static final String HOOKS = "/2.0/repositories/acme/app/hooks";
  private final int port = AvailablePortFinder.getNextAvailable();
  private final WireMockServer bitbucket =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  @Override
  public boolean isUseRouteBuilder() {
    return false;
  }

  @BeforeEach
  void startBitbucket() {
    bitbucket.start();
    context
        .getRegistry()
        .bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(new SimpleMeterRegistry(), "ns"));
    context
        .getRegistry()
        .bind(
            SecretStore.BEAN_NAME,
            new MapSecretStore()
                .putSecret("bb", "user", "ada")
                .putSecret("bb", "password", "app-pw")
                .putSecret("bb", "token", "oauth-t0ken"));
  }

  @AfterEach
  void stopBitbucket() {
    bitbucket.stop();
  }

  private void start(String auth, String extra) throws Exception {
    String yaml =
        """
        - route:
            id: cloud
            from:
              uri: kamelet:bitbucket-source
              parameters:
                port: "%d"
                endpoint: /cloud
                apiUrl: %s/2.0
                hookUrl: %s
                events: "repo:push,pullrequest:created"
                repositories: acme/app
                metadata: '{"team":"web"}'
        %s
              steps:
                - to: mock:cloud
        """
            .formatted(
                port,
                bitbucket.baseUrl(),
                HOOK_URL,
                (auth + "\n" + extra).indent(8).stripTrailing());
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("cloud.yaml", yaml));
    context.start();
  }

  private void noHooksYet() {
    bitbucket.stubFor(get(urlPathEqualTo(HOOKS)).willReturn(okJson("{\"values\":[]}")));
    bitbucket.stubFor(post(urlPathEqualTo(HOOKS)).willReturn(okJson("{\"uuid\":\"{new-1}\"}")));
  }

  private HttpResponse<String> push(String body) throws Exception {
    return send(
        request("http://127.0.0.1:" + port + "/cloud")
            .header("X-Event-Key", "repo:push")
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void eachJsonRequestIsOneEventAndOtherBodiesAreArgosInvalidEvent() throws Exception {
    noHooksYet();
    start("oauthToken: bb/token", "");
    MockEndpoint mock = getMockEndpoint("mock:cloud");
    mock.expectedMessageCount(1);

    HttpResponse<String> pushed = push("{\"push\":{\"changes\":[]}}");
    HttpResponse<String> broken = push("<xml/>");

    assertThat(pushed.statusCode()).isEqualTo(200);
    assertThat(pushed.body()).isEqualTo("success");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).isEqualTo("invalid event");
    mock.assertIsSatisfied();
    ObjectNode data = mock.getReceivedExchanges().get(0).getIn().getBody(ObjectNode.class);
    assertThat(data.get("body")).isEqualTo(JSON.readTree("{\"push\":{\"changes\":[]}}"));
    assertThat(data.at("/headers/X-Event-Key").toString()).isEqualTo("[\"repo:push\"]");
    assertThat(data.get("metadata")).isEqualTo(JSON.readTree("{\"team\":\"web\"}"));
  }

  @Test
  void oldHookWithTheSameUrlIsReplacedAndTheNewOneDeletedOnStop() throws Exception {
    bitbucket.stubFor(
        get(urlPathEqualTo(HOOKS))
            .willReturn(
                okJson(
                    "{\"values\":[{\"uuid\":\"{other}\",\"url\":\"https://else\"},"
                        + "{\"uuid\":\"{old-1}\",\"url\":\""
                        + HOOK_URL
                        + "\"}]}")));
    bitbucket.stubFor(
        delete(urlPathEqualTo(HOOKS + "/%7Bold-1%7D")).willReturn(aResponse().withStatus(204)));
    bitbucket.stubFor(post(urlPathEqualTo(HOOKS)).willReturn(okJson("{\"uuid\":\"{new-1}\"}")));
    bitbucket.stubFor(
        delete(urlPathEqualTo(HOOKS + "/%7Bnew-1%7D")).willReturn(aResponse().withStatus(404)));
    String basic = Base64.getEncoder().encodeToString("ada:app-pw".getBytes());

    start(
        "basicUsername: bb/user\nbasicPassword: bb/password\noauthToken: bb/token",
        "deleteHookOnFinish: true");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                bitbucket.verify(
                    postRequestedFor(urlPathEqualTo(HOOKS))
                        .withHeader("Authorization", equalTo("Basic " + basic))
                        .withRequestBody(
                            equalToJson(
                                """
                    {"description":"webhook managed by Argo-Events","url":"%s","active":true,
                     "events":["repo:push","pullrequest:created"]}"""
                                    .formatted(HOOK_URL)))));
    bitbucket.verify(1, deleteRequestedFor(urlPathEqualTo(HOOKS + "/%7Bold-1%7D")));
    bitbucket.verify(0, deleteRequestedFor(urlPathEqualTo(HOOKS + "/%7Bother%7D")));

    // a hook already gone (404) on finish is fine, as in Argo
    context.stop();
    bitbucket.verify(1, deleteRequestedFor(urlPathEqualTo(HOOKS + "/%7Bnew-1%7D")));
  }

  @Test
  void failingApiIsRetriedWhileTheEndpointKeepsServingAndHooksAreNotTouchedAgain()
      throws Exception {
    bitbucket.stubFor(
        get(urlPathEqualTo(HOOKS))
            .inScenario("outage")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("up"));
    bitbucket.stubFor(
        get(urlPathEqualTo(HOOKS))
            .inScenario("outage")
            .whenScenarioStateIs("up")
            .willReturn(okJson("{\"values\":[]}")));
    bitbucket.stubFor(post(urlPathEqualTo(HOOKS)).willReturn(okJson("{\"uuid\":\"{new-1}\"}")));
    MockEndpoint mock = getMockEndpoint("mock:cloud");
    mock.expectedMessageCount(1);

    start("oauthToken: bb/token", "");

    assertThat(push("{\"push\":{}}").statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                bitbucket.verify(
                    1,
                    postRequestedFor(urlPathEqualTo(HOOKS))
                        .withHeader("Authorization", equalTo("Bearer oauth-t0ken"))));
    bitbucket.verify(2, getRequestedFor(urlPathEqualTo(HOOKS)));
    // without deleteHookOnFinish the hook stays
    context.stop();
    bitbucket.verify(0, deleteRequestedFor(urlPathEqualTo(HOOKS + "/%7Bnew-1%7D")));
  }

  @Test
  void withoutAuthNoHookIsManaged() throws Exception {
    start("", "");
    MockEndpoint mock = getMockEndpoint("mock:cloud");
    mock.expectedMessageCount(1);
    assertThat(push("{}").statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();
    assertThat(bitbucket.getAllServeEvents()).isEmpty();
  }
}
