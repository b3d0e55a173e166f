package io.caravan.routes.source.bitbucketserver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.caravan.routes.source.bitbucketserver.BitbucketServerTestRoutes.REFS_CHANGED;
import static io.caravan.routes.source.bitbucketserver.BitbucketServerTestRoutes.SECRET;
import static io.caravan.routes.source.bitbucketserver.BitbucketServerTestRoutes.route;
import static io.caravan.routes.source.bitbucketserver.BitbucketServerTestRoutes.sign;
import static io.caravan.routes.testing.Http.request;
import static io.caravan.routes.testing.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests to a bitbucketserver endpoint over real HTTP, through the Kamelet: Argo's signature
 * check and texts, {@code repo:refs_changed} per change, the open-PR skip against a WireMock
 * Bitbucket Server, and the event data {@code {headers, body, metadata}} (inventory §2.3).
 */
class BitbucketServerReceiverTest extends RouteContractTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final int port = AvailablePortFinder.getNextAvailable();
  private final String base = "http://127.0.0.1:" + port;
  private final WireMockServer bitbucket =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @BeforeEach
  void startRoutes() throws Exception {
    bitbucket.start();
    context.getRegistry().bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(meters, "ns"));
    context
        .getRegistry()
        .bind(
            SecretStore.BEAN_NAME,
            new MapSecretStore()
                .putSecret("bbs", "secret", SECRET)
                .putSecret("bbs", "token", "api-t0ken"));
    String signed = "webhookSecret: bbs/secret\nmetadata: '{\"team\":\"shop\"}'";
    String api =
        "\naccessToken: bbs/token\nbitbucketserverBaseURL: " + bitbucket.baseUrl() + "/rest";
    String yaml =
        route("whole", port, signed)
            + route("split", port, signed + "\noneEventPerChange: true")
            + route("skip", port, signed + api + "\nskipBranchRefsChangedOnOpenPR: true")
            + route(
                "skipsplit",
                port,
                signed + api + "\nskipBranchRefsChangedOnOpenPR: true\noneEventPerChange: true")
            + route("open", port, "bitbucketserverBaseURL: https://unused/rest");
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("bbs.yaml", yaml));
  }

  @AfterEach
  void stopWireMock() {
    bitbucket.stop();
  }

  private HttpResponse<String> push(String path, String event, String signature, String body)
      throws Exception {
    var builder = request(base + path).header("X-Event-Key", event);
    if (signature != null) {
      builder.header("X-Hub-Signature", signature);
    }
    return send(
        builder
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body))
            .build());
  }

  private List<ObjectNode> bodies(String mock) {
    return getMockEndpoint("mock:" + mock).getReceivedExchanges().stream()
        .map(e -> e.getIn().getBody(ObjectNode.class))
        .toList();
  }

  @Test
  void signedRefsChangedIsOneEventWithHeadersBodyAndMetadata() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:whole");
    mock.expectedMessageCount(1);

    HttpResponse<String> response =
        push("/whole", "repo:refs_changed", sign(SECRET, REFS_CHANGED), REFS_CHANGED);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("success");
    mock.assertIsSatisfied();
    ObjectNode data = bodies("whole").get(0);
    assertThat(data.get("body")).isEqualTo(JSON.readTree(REFS_CHANGED));
    assertThat(data.at("/headers/X-Event-Key").toString()).isEqualTo("[\"repo:refs_changed\"]");
    assertThat(data.at("/headers/X-Hub-Signature").get(0).asText()).startsWith("sha256=");
    assertThat(data.get("metadata")).isEqualTo(JSON.readTree("{\"team\":\"shop\"}"));
    assertThat(data.has("header")).isFalse();
  }

  @Test
  void oneEventPerChangeMakesAnEventOfEachChangeInOrder() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:split");
    mock.expectedMessageCount(3);

    HttpResponse<String> response =
        push("/split", "repo:refs_changed", sign(SECRET, REFS_CHANGED), REFS_CHANGED);

    assertThat(response.statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();
    List<ObjectNode> events = bodies("split");
    JsonNode changes = JSON.readTree(REFS_CHANGED).get("changes");
    for (int i = 0; i < 3; i++) {
      assertThat(events.get(i).at("/body/changes")).hasSize(1);
      assertThat(events.get(i).at("/body/changes/0")).isEqualTo(changes.get(i));
      // DIFFERS: Argo re-encodes the payload through its Go struct (unknown fields dropped); the
      // payload's other fields are kept here as sent
      assertThat(events.get(i).at("/body/extra/kept").asBoolean()).isTrue();
      assertThat(events.get(i).at("/body/repository/project/key").asText()).isEqualTo("PRJ");
    }
  }

  @Test
  void otherEventsAreNotSplit() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:split");
    mock.expectedMessageCount(1);
    String opened = "{\"eventKey\":\"pr:opened\",\"changes\":[1,2]}";
    assertThat(push("/split", "pr:opened", sign(SECRET, opened), opened).statusCode())
        .isEqualTo(200);
    mock.assertIsSatisfied();
    assertThat(bodies("split").get(0).get("body")).isEqualTo(JSON.readTree(opened));
  }

  @Test
  void wrongOrMissingSignatureIsRefusedWithArgosTextAndNoEvent() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:whole");
    mock.expectedMessageCount(0);

    HttpResponse<String> missing = push("/whole", "repo:refs_changed", null, REFS_CHANGED);
    HttpResponse<String> wrong =
        push("/whole", "repo:refs_changed", sign("other", REFS_CHANGED), REFS_CHANGED);
    HttpResponse<String> shortOne = push("/whole", "repo:refs_changed", "sha", REFS_CHANGED);

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body())
        .isEqualTo("failed to validate bitbucketserver webhook request: missing signature header");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body())
        .isEqualTo("failed to validate bitbucketserver webhook request: hmac verification failed");
    // DIFFERS: Argo slices signature[7:] and panics on a shorter header; here it is a mismatch
    assertThat(shortOne.statusCode()).isEqualTo(400);
    mock.assertIsSatisfied();
    assertThat(
            meters
                .get("caravan_webhook_requests_refused")
                .tags("provider", "bitbucketserver", "endpoint", "/whole", "status", "400")
                .counter()
                .count())
        .isEqualTo(3.0);
  }

  @Test
  void malformedPayloadsAreRefusedWithArgosTexts() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:open");
    mock.expectedMessageCount(0);

    HttpResponse<String> notJson = push("/open", "pr:opened", null, "not json");
    HttpResponse<String> badRefs = push("/open", "repo:refs_changed", null, "{\"changes\":");
    HttpResponse<String> wrongShape = push("/open", "repo:refs_changed", null, "{\"changes\":3}");

    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).isEqualTo("invalid event");
    assertThat(badRefs.statusCode()).isEqualTo(400);
    assertThat(badRefs.body()).startsWith("decoding repo:refs_changed webhook: ");
    assertThat(wrongShape.statusCode()).isEqualTo(400);
    assertThat(wrongShape.body()).startsWith("decoding repo:refs_changed webhook: ");
    mock.assertIsSatisfied();
  }

  @Test
  void withoutWebhookSecretNoSignatureIsNeeded() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:open");
    mock.expectedMessageCount(1);
    assertThat(push("/open", "repo:refs_changed", null, REFS_CHANGED).statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();
    assertThat(bodies("open").get(0).has("metadata")).isFalse();
  }

  private void pullRequests(String commit, String states) {
    bitbucket.stubFor(
        get(urlPathEqualTo(
                "/rest/api/1.0/projects/PRJ/repos/app/commits/" + commit + "/pull-requests"))
            .withHeader("Authorization", equalTo("Bearer api-t0ken"))
            .willReturn(okJson("{\"isLastPage\":true,\"values\":" + states + "}")));
  }

  @Test
  void branchChangesWithAnOpenPullRequestAreSkipped() throws Exception {
    pullRequests("b1", "[{\"id\":1,\"state\":\"MERGED\"}]");
    pullRequests("e1", "[{\"id\":2,\"state\":\"open\"}]");
    MockEndpoint mock = getMockEndpoint("mock:skipsplit");
    mock.expectedMessageCount(2);

    HttpResponse<String> response =
        push("/skipsplit", "repo:refs_changed", sign(SECRET, REFS_CHANGED), REFS_CHANGED);

    assertThat(response.statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();
    List<ObjectNode> events = bodies("skipsplit");
    assertThat(events.get(0).at("/body/changes/0/ref/displayId").asText()).isEqualTo("main");
    assertThat(events.get(1).at("/body/changes/0/ref/displayId").asText()).isEqualTo("v1");
  }

  @Test
  void withoutSplittingTheWholePayloadGoesOnAsArgoDoes() throws Exception {
    pullRequests("b1", "[]");
    pullRequests("e1", "[{\"id\":2,\"state\":\"OPEN\"}]");
    MockEndpoint mock = getMockEndpoint("mock:skip");
    mock.expectedMessageCount(1);

    assertThat(
            push("/skip", "repo:refs_changed", sign(SECRET, REFS_CHANGED), REFS_CHANGED)
                .statusCode())
        .isEqualTo(200);

    mock.assertIsSatisfied();
    assertThat(bodies("skip").get(0).at("/body/changes")).hasSize(3);
  }

  @Test
  void allChangesSkippedIsSuccessWithoutEvent() throws Exception {
    String oneBranch =
        "{\"repository\":{\"slug\":\"app\",\"project\":{\"key\":\"PRJ\"}},\"changes\":[{\"ref\":"
            + "{\"type\":\"BRANCH\"},\"toHash\":\"b1\",\"type\":\"UPDATE\"}]}";
    pullRequests("b1", "[{\"id\":1,\"state\":\"OPEN\"}]");
    MockEndpoint mock = getMockEndpoint("mock:skip");
    mock.expectedMessageCount(0);

    HttpResponse<String> response =
        push("/skip", "repo:refs_changed", sign(SECRET, oneBranch), oneBranch);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("success");
    mock.assertIsSatisfied();
  }

  @Test
  void failingPullRequestLookupIsArgosRefusal() throws Exception {
    bitbucket.stubFor(
        get(urlPathEqualTo("/rest/api/1.0/projects/PRJ/repos/app/commits/b1/pull-requests"))
            .willReturn(aResponse().withStatus(503)));
    MockEndpoint mock = getMockEndpoint("mock:skip");
    mock.expectedMessageCount(0);

    HttpResponse<String> response =
        push("/skip", "repo:refs_changed", sign(SECRET, REFS_CHANGED), REFS_CHANGED);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .startsWith(
            "filtering changes for open prs: checking if changed branch ref has an open pull"
                + " request: getting commit pull requests for project PRJ, repository app and"
                + " commit b1: ")
        .contains("status 503")
        .doesNotContain("api-t0ken");
    mock.assertIsSatisfied();
  }
}
