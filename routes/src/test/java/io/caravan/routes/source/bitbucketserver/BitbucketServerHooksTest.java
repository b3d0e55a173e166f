package io.caravan.routes.source.bitbucketserver;

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
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.caravan.routes.source.bitbucketserver.BitbucketServerTestRoutes.REFS_CHANGED;
import static io.caravan.routes.source.bitbucketserver.BitbucketServerTestRoutes.SECRET;
import static io.caravan.routes.source.bitbucketserver.BitbucketServerTestRoutes.route;
import static io.caravan.routes.source.bitbucketserver.BitbucketServerTestRoutes.sign;
import static io.caravan.routes.testing.Http.request;
import static io.caravan.routes.testing.Http.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hook management against a WireMock Bitbucket Server: the repositories of projects are listed, a
 * hook with the source's URL is reused (updated when its events differ) or created, hooks are
 * deleted on stop with {@code deleteHookOnFinish}, and a failing API is retried while the endpoint
 * keeps serving.
 */
class BitbucketServerHooksTest extends RouteContractTestSupport {
  private static final String HOOK_URL = "https://events.example.com/hooks";
  private static final String REPOS = "/rest/api/1.0/projects/PRJ/repos";
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
                .putSecret("bbs", "secret", SECRET)
                .putSecret("bbs", "token", "api-t0ken"));
  }

  @AfterEach
  void stopBitbucket() {
    bitbucket.stop();
  }

  private void start(String extra) throws Exception {
    String yaml =
        route(
            "hooks",
            port,
            """
            webhookSecret: bbs/secret
            accessToken: bbs/token
            bitbucketserverBaseURL: %s/rest
            hookUrl: %s
            events: "repo:refs_changed,pr:opened"
            repositories: PRJ/app
            %s"""
                .formatted(bitbucket.baseUrl(), HOOK_URL, extra));
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("hooks.yaml", yaml));
    context.start();
  }

  private void hooksOf(String slug, String values) {
    bitbucket.stubFor(
        get(urlPathEqualTo(REPOS + "/" + slug + "/webhooks"))
            .willReturn(okJson("{\"isLastPage\":true,\"values\":" + values + "}")));
  }

  private void creates(String slug, int id) {
    bitbucket.stubFor(
        post(urlPathEqualTo(REPOS + "/" + slug + "/webhooks"))
            .willReturn(okJson("{\"id\":" + id + ",\"url\":\"" + HOOK_URL + "\"}")));
  }

  @Test
  void createsTheHookWithArgosSettingsAndDeletesItOnStop() throws Exception {
    hooksOf("app", "[{\"id\":3,\"url\":\"https://other\",\"events\":[]}]");
    creates("app", 42);
    bitbucket.stubFor(
        delete(urlPathEqualTo(REPOS + "/app/webhooks/42")).willReturn(aResponse().withStatus(204)));

    start("deleteHookOnFinish: true");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                bitbucket.verify(
                    postRequestedFor(urlPathEqualTo(REPOS + "/app/webhooks"))
                        .withHeader("Authorization", equalTo("Bearer api-t0ken"))
                        .withHeader("X-Atlassian-Token", equalTo("no-check"))
                        .withRequestBody(
                            equalToJson(
                                """
                    {"name":"Argo Events","url":"%s","active":true,
                     "events":["repo:refs_changed","pr:opened"],
                     "configuration":{"secret":"%s"}}"""
                                    .formatted(HOOK_URL, SECRET)))));
    bitbucket.verify(
        getRequestedFor(urlPathEqualTo(REPOS + "/app/webhooks"))
            .withQueryParam("limit", equalTo("500"))
            .withQueryParam("start", equalTo("0")));

    context.stop();

    bitbucket.verify(1, deleteRequestedFor(urlPathEqualTo(REPOS + "/app/webhooks/42")));
  }

  @Test
  void reusesTheHookWithTheSameUrlAndEventsAndKeepsItWithoutDeleteHookOnFinish() throws Exception {
    hooksOf(
        "app",
        "[{\"id\":7,\"url\":\"%s\",\"events\":[\"pr:opened\",\"repo:refs_changed\"],\"configuration\":{\"secret\":\"%s\"}}]"
            .formatted(HOOK_URL, SECRET));

    start("checkInterval: 50ms");

    // the hook is re-checked every checkInterval, and never changed
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        bitbucket.findAll(getRequestedFor(urlPathEqualTo(REPOS + "/app/webhooks"))))
                    .hasSizeGreaterThanOrEqualTo(3));
    context.stop();
    bitbucket.verify(0, postRequestedFor(urlPathEqualTo(REPOS + "/app/webhooks")));
    bitbucket.verify(0, putRequestedFor(urlPathEqualTo(REPOS + "/app/webhooks/7")));
    bitbucket.verify(0, deleteRequestedFor(urlPathEqualTo(REPOS + "/app/webhooks/7")));
  }

  @Test
  void updatesAHookWithTheSameUrlWhoseEventsDiffer() throws Exception {
    hooksOf(
        "app",
        "[{\"id\":7,\"url\":\"%s\",\"events\":[\"pr:opened\"],\"configuration\":{\"secret\":\"%s\"}}]"
            .formatted(HOOK_URL, SECRET));
    bitbucket.stubFor(
        put(urlPathEqualTo(REPOS + "/app/webhooks/7")).willReturn(okJson("{\"id\":7}")));

    start("");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                bitbucket.verify(
                    putRequestedFor(urlPathEqualTo(REPOS + "/app/webhooks/7"))
                        .withRequestBody(
                            equalToJson(
                                "{\"events\":[\"repo:refs_changed\",\"pr:opened\"]}",
                                true,
                                true))));
    bitbucket.verify(0, postRequestedFor(urlPathEqualTo(REPOS + "/app/webhooks")));
  }

  @Test
  void everyRepositoryOfAProjectGetsTheHookAcrossPages() throws Exception {
    bitbucket.stubFor(
        get(urlPathEqualTo("/rest/api/1.0/projects/OPS/repos"))
            .withQueryParam("start", equalTo("0"))
            .willReturn(
                okJson(
                    "{\"isLastPage\":false,\"nextPageStart\":1,\"values\":[{\"slug\":\"one\",\"project\":{\"key\":\"OPS\"}}]}")));
    bitbucket.stubFor(
        get(urlPathEqualTo("/rest/api/1.0/projects/OPS/repos"))
            .withQueryParam("start", equalTo("1"))
            .willReturn(
                okJson(
                    "{\"isLastPage\":true,\"values\":[{\"slug\":\"two\",\"project\":{\"key\":\"OPS\"}}]}")));
    hooksOf("app", "[]");
    creates("app", 1);
    for (String slug : new String[] {"one", "two"}) {
      bitbucket.stubFor(
          get(urlPathEqualTo("/rest/api/1.0/projects/OPS/repos/" + slug + "/webhooks"))
              .willReturn(okJson("{\"isLastPage\":true,\"values\":[]}")));
      bitbucket.stubFor(
          post(urlPathEqualTo("/rest/api/1.0/projects/OPS/repos/" + slug + "/webhooks"))
              .willReturn(okJson("{\"id\":5}")));
    }

    start("projects: OPS");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              bitbucket.verify(postRequestedFor(urlPathEqualTo(REPOS + "/app/webhooks")));
              bitbucket.verify(
                  postRequestedFor(
                      urlPathEqualTo("/rest/api/1.0/projects/OPS/repos/one/webhooks")));
              bitbucket.verify(
                  postRequestedFor(
                      urlPathEqualTo("/rest/api/1.0/projects/OPS/repos/two/webhooks")));
            });
  }

  @Test
  void failingApiIsRetriedWhileTheEndpointKeepsServing() throws Exception {
    bitbucket.stubFor(
        get(urlPathEqualTo(REPOS + "/app/webhooks"))
            .inScenario("outage")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(500))
            .willSetStateTo("recovered"));
    bitbucket.stubFor(
        get(urlPathEqualTo(REPOS + "/app/webhooks"))
            .inScenario("outage")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson("{\"isLastPage\":true,\"values\":[]}")));
    creates("app", 9);
    MockEndpoint mock = getMockEndpoint("mock:hooks");
    mock.expectedMessageCount(1);

    start("");

    // while the API fails, requests are served
    var response =
        send(
            request("http://127.0.0.1:" + port + "/hooks")
                .header("X-Event-Key", "repo:refs_changed")
                .header("X-Hub-Signature", sign(SECRET, REFS_CHANGED))
                .POST(BodyPublishers.ofString(REFS_CHANGED))
                .build());
    assertThat(response.statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> bitbucket.verify(1, postRequestedFor(urlPathEqualTo(REPOS + "/app/webhooks"))));
    assertThat(bitbucket.findAll(getRequestedFor(urlPathEqualTo(REPOS + "/app/webhooks"))))
        .hasSizeGreaterThanOrEqualTo(2);
  }
}
