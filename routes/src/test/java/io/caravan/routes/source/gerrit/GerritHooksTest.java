package io.caravan.routes.source.gerrit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
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
import java.nio.charset.StandardCharsets;
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
 * Hook management against a WireMock Gerrit (webhooks plugin REST API): each project's remotes are
 * listed under {@code /a/} with basic auth, Gerrit's {@code )]}'} prefix is stripped, a remote with
 * the hook's name and URL is kept, otherwise it is written with Argo's fields; project names are
 * query-escaped; {@code deleteHookOnFinish} deletes what was registered; a failing API is retried
 * while the endpoint keeps serving events.
 */
class GerritHooksTest extends RouteContractTestSupport {
  private static final String HOOK_URL = "https://events.example.com/gerrit";
  private static final String SHOP = "/a/config/server/webhooks~projects/shop/remotes/";
  private static final String TEAM = "/a/config/server/webhooks~projects/team%2Fcheckout/remotes/";
  private final int port = AvailablePortFinder.getNextAvailable();
  private final WireMockServer gerrit =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  @Override
  public boolean isUseRouteBuilder() {
    return false;
  }

  @BeforeEach
  void startGerrit() {
    gerrit.start();
    context
        .getRegistry()
        .bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(new SimpleMeterRegistry(), "ns"));
    context
        .getRegistry()
        .bind(
            SecretStore.BEAN_NAME,
            new MapSecretStore()
                .putSecret("gerrit-api", "user", "caravan")
                .putSecret("gerrit-api", "http-password", "pa55"));
  }

  @AfterEach
  void stopGerrit() {
    gerrit.stop();
  }

  private void start(String projects, String extra) throws Exception {
    String yaml =
        """
        - route:
            id: gerrit
            from:
              uri: kamelet:gerrit-source
              parameters:
                port: "%d"
                endpoint: /gerrit
                username: gerrit-api/user
                password: gerrit-api/http-password
                gerritBaseURL: %s/
                hookUrl: %s
                hookName: caravan
                events: "patchset-created,change-merged"
                projects: "%s"
        %s
              steps:
                - to: mock:gerrit
        """
            .formatted(port, gerrit.baseUrl(), HOOK_URL, projects, extra.indent(8).stripTrailing());
    PluginHelper.getRoutesLoader(context)
        .loadRoutes(ResourceHelper.fromString("gerrit.yaml", yaml));
    context.start();
  }

  /** Gerrit's answer: the XSSI guard line, then the JSON. */
  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder gerritJson(
      String json) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(")]}'\n" + json);
  }

  private static String basic() {
    return "Basic "
        + Base64.getEncoder().encodeToString("caravan:pa55".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void writesTheRemoteOfEveryProjectWithArgosFieldsAndDeletesItOnStop() throws Exception {
    gerrit.stubFor(get(urlPathEqualTo(SHOP)).willReturn(gerritJson("{}")));
    gerrit.stubFor(
        get(urlPathEqualTo(TEAM))
            .willReturn(gerritJson("{\"caravan\":{\"url\":\"https://old.example.com\"}}")));
    gerrit.stubFor(put(urlPathEqualTo(SHOP + "caravan/")).willReturn(gerritJson("{}")));
    gerrit.stubFor(put(urlPathEqualTo(TEAM + "caravan/")).willReturn(gerritJson("{}")));
    gerrit.stubFor(
        delete(urlPathEqualTo(SHOP + "caravan/")).willReturn(aResponse().withStatus(204)));
    gerrit.stubFor(
        delete(urlPathEqualTo(TEAM + "caravan/")).willReturn(aResponse().withStatus(204)));

    start("shop,team/checkout", "sslVerify: true\ndeleteHookOnFinish: true");

    String expected =
        """
        {"url":"%s","events":["patchset-created","change-merged"],"sslVerify":true}"""
            .formatted(HOOK_URL);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              gerrit.verify(
                  putRequestedFor(urlPathEqualTo(SHOP + "caravan/"))
                      .withHeader("Authorization", equalTo(basic()))
                      .withRequestBody(equalToJson(expected)));
              // a remote of that name with another URL is overwritten
              gerrit.verify(
                  putRequestedFor(urlPathEqualTo(TEAM + "caravan/"))
                      .withRequestBody(equalToJson(expected)));
            });
    gerrit.verify(
        getRequestedFor(urlPathEqualTo(SHOP)).withHeader("Authorization", equalTo(basic())));

    context.stop();

    gerrit.verify(1, deleteRequestedFor(urlPathEqualTo(SHOP + "caravan/")));
    gerrit.verify(1, deleteRequestedFor(urlPathEqualTo(TEAM + "caravan/")));
  }

  @Test
  void keepsARemoteWithTheSameUrlRechecksItAndLeavesItWithoutDeleteHookOnFinish() throws Exception {
    gerrit.stubFor(
        get(urlPathEqualTo(SHOP))
            .willReturn(
                gerritJson(
                    "{\"caravan\":{\"url\":\"%s\",\"events\":[\"patchset-created\"]}}"
                        .formatted(HOOK_URL))));

    start("shop", "checkInterval: 50ms");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(gerrit.findAll(getRequestedFor(urlPathEqualTo(SHOP))))
                    .hasSizeGreaterThanOrEqualTo(3));
    context.stop();
    gerrit.verify(0, putRequestedFor(urlPathEqualTo(SHOP + "caravan/")));
    gerrit.verify(0, deleteRequestedFor(urlPathEqualTo(SHOP + "caravan/")));
  }

  @Test
  void failingApiIsRetriedWhileTheEndpointKeepsServing() throws Exception {
    gerrit.stubFor(
        get(urlPathEqualTo(SHOP))
            .inScenario("outage")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("recovered"));
    gerrit.stubFor(
        get(urlPathEqualTo(SHOP))
            .inScenario("outage")
            .whenScenarioStateIs("recovered")
            .willReturn(gerritJson("{}")));
    gerrit.stubFor(put(urlPathEqualTo(SHOP + "caravan/")).willReturn(gerritJson("{}")));
    MockEndpoint mock = getMockEndpoint("mock:gerrit");
    mock.expectedMessageCount(1);

    start("shop", "");

    var response =
        send(
            request("http://127.0.0.1:" + port + "/gerrit")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"type\":\"patchset-created\"}"))
                .build());
    assertThat(response.statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> gerrit.verify(1, putRequestedFor(urlPathEqualTo(SHOP + "caravan/"))));
    assertThat(gerrit.findAll(getRequestedFor(urlPathEqualTo(SHOP))))
        .hasSizeGreaterThanOrEqualTo(2);
  }
}
