package io.caravan.routes.source.gitlab;

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
import static io.caravan.routes.source.gitlab.GitlabTestRoutes.PUSH;
import static io.caravan.routes.source.gitlab.GitlabTestRoutes.TOKEN;
import static io.caravan.routes.source.gitlab.GitlabTestRoutes.route;
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
import java.util.stream.IntStream;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hook management against WireMock standing in for the GitLab REST API: project and group hooks
 * added with Argo's options (GitLab's option names), a hook with the same URL reused across pages,
 * deletion on stop with {@code deleteHookOnFinish}, a failing API retried while the endpoint
 * serves.
 */
class GitlabHooksTest extends RouteContractTestSupport {
  private static final String HOOK_URL = "https://events.example.com/hooks";
  private static final String PROJECT = "/api/v4/projects/platform%2Fcheckout/hooks";
  private static final String GROUP = "/api/v4/groups/platform/hooks";
  private final int port = AvailablePortFinder.getNextAvailable();
  private final WireMockServer gitlab =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  @Override
  public boolean isUseRouteBuilder() {
    return false;
  }

  @BeforeEach
  void startGitlab() {
    gitlab.start();
    context
        .getRegistry()
        .bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(new SimpleMeterRegistry(), "ns"));
    context
        .getRegistry()
        .bind(
            SecretStore.BEAN_NAME,
            new MapSecretStore()
                .putSecret("gl", "hook", TOKEN)
                .putSecret("gl", "api", "api-t0ken"));
  }

  @AfterEach
  void stopGitlab() {
    gitlab.stop();
  }

  private void start(String extra) throws Exception {
    String yaml =
        route(
            "hooks",
            port,
            """
            accessToken: gl/api
            secretToken: gl/hook
            gitlabBaseURL: %s
            hookUrl: %s
            events: "MergeRequestsEvents,ReleasesEvents"
            %s"""
                .formatted(gitlab.baseUrl(), HOOK_URL, extra));
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("hooks.yaml", yaml));
    context.start();
  }

  @Test
  void addsProjectAndGroupHooksWithArgosOptionsAndDeletesThemOnStop() throws Exception {
    gitlab.stubFor(
        get(urlPathEqualTo(PROJECT))
            .willReturn(okJson("[{\"id\":3,\"url\":\"https://other.example.com\"}]")));
    gitlab.stubFor(get(urlPathEqualTo(GROUP)).willReturn(okJson("[]")));
    gitlab.stubFor(post(urlPathEqualTo(PROJECT)).willReturn(okJson("{\"id\":42}")));
    gitlab.stubFor(post(urlPathEqualTo(GROUP)).willReturn(okJson("{\"id\":43}")));
    gitlab.stubFor(delete(urlPathEqualTo(PROJECT + "/42")).willReturn(aResponse().withStatus(204)));
    gitlab.stubFor(delete(urlPathEqualTo(GROUP + "/43")).willReturn(aResponse().withStatus(204)));

    start(
        "projects: platform/checkout\ngroups: platform\nenableSSLVerification: true\n"
            + "deleteHookOnFinish: true");

    String options =
        """
        {"url":"%s","enable_ssl_verification":true,"token":"%s",
         "confidential_note_events":false,"push_events":false,"issues_events":false,
         "confidential_issues_events":false,"merge_requests_events":true,"tag_push_events":false,
         "note_events":false,"job_events":false,"pipeline_events":false,"wiki_page_events":false,
         "emoji_events":false,"releases_events":true}"""
            .formatted(HOOK_URL, TOKEN);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              gitlab.verify(
                  postRequestedFor(urlPathEqualTo(PROJECT))
                      .withHeader("PRIVATE-TOKEN", equalTo("api-t0ken"))
                      .withRequestBody(equalToJson(options)));
              gitlab.verify(
                  postRequestedFor(urlPathEqualTo(GROUP)).withRequestBody(equalToJson(options)));
            });
    gitlab.verify(
        getRequestedFor(urlPathEqualTo(PROJECT))
            .withQueryParam("per_page", equalTo("100"))
            .withQueryParam("page", equalTo("1")));

    context.stop();

    gitlab.verify(1, deleteRequestedFor(urlPathEqualTo(PROJECT + "/42")));
    gitlab.verify(1, deleteRequestedFor(urlPathEqualTo(GROUP + "/43")));
  }

  @Test
  void reusesAHookWithTheSameUrlOnALaterPageAsItIsAndKeepsIt() throws Exception {
    String others =
        IntStream.range(0, 100)
            .mapToObj(i -> "{\"id\":" + (100 + i) + ",\"url\":\"https://other\"}")
            .reduce((a, b) -> a + "," + b)
            .orElseThrow();
    gitlab.stubFor(
        get(urlPathEqualTo(PROJECT))
            .withQueryParam("page", equalTo("1"))
            .willReturn(okJson("[" + others + "]")));
    gitlab.stubFor(
        get(urlPathEqualTo(PROJECT))
            .withQueryParam("page", equalTo("2"))
            .willReturn(okJson("[{\"id\":7,\"url\":\"" + HOOK_URL + "\",\"push_events\":true}]")));

    start("projects: platform/checkout");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                gitlab.verify(
                    getRequestedFor(urlPathEqualTo(PROJECT)).withQueryParam("page", equalTo("2"))));
    context.stop();
    gitlab.verify(0, postRequestedFor(urlPathEqualTo(PROJECT)));
    gitlab.verify(0, deleteRequestedFor(urlPathEqualTo(PROJECT + "/7")));
  }

  @Test
  void failingApiIsRetriedWhileTheEndpointKeepsServing() throws Exception {
    gitlab.stubFor(
        get(urlPathEqualTo(PROJECT))
            .inScenario("outage")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("recovered"));
    gitlab.stubFor(
        get(urlPathEqualTo(PROJECT))
            .inScenario("outage")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson("[]")));
    gitlab.stubFor(post(urlPathEqualTo(PROJECT)).willReturn(okJson("{\"id\":9}")));
    MockEndpoint mock = getMockEndpoint("mock:hooks");
    mock.expectedMessageCount(1);

    start("projects: platform/checkout");

    var response =
        send(
            request("http://127.0.0.1:" + port + "/hooks")
                .header("Content-Type", "application/json")
                .header("X-Gitlab-Token", TOKEN)
                .POST(BodyPublishers.ofString(PUSH))
                .build());
    assertThat(response.statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> gitlab.verify(1, postRequestedFor(urlPathEqualTo(PROJECT))));
    assertThat(gitlab.findAll(getRequestedFor(urlPathEqualTo(PROJECT))))
        .hasSizeGreaterThanOrEqualTo(2);
  }
}
