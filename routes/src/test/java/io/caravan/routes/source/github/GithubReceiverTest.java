package io.caravan.routes.source.github;

import static io.caravan.routes.source.github.GithubTestRoutes.PUSH;
import static io.caravan.routes.source.github.GithubTestRoutes.SECRET;
import static io.caravan.routes.source.github.GithubTestRoutes.route;
import static io.caravan.routes.source.github.GithubTestRoutes.sha256;
import static io.caravan.routes.source.github.GithubTestRoutes.sign;
import static io.caravan.routes.testing.Http.request;
import static io.caravan.routes.testing.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests to a github endpoint over real HTTP, through the Kamelet: go-github's payload validation
 * with Argo's 400s, JSON and form payloads, the delivery headers put into the body, and the event
 * data {@code {headers, body, metadata}} (inventory §1.5.11, §2.3).
 */
class GithubReceiverTest extends RouteContractTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final int port = AvailablePortFinder.getNextAvailable();
  private final String base = "http://127.0.0.1:" + port;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @BeforeEach
  void startRoutes() throws Exception {
    context.getRegistry().bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(meters, "ns"));
    context
        .getRegistry()
        .bind(SecretStore.BEAN_NAME, new MapSecretStore().putSecret("gh", "secret", SECRET));
    String yaml =
        route("signed", port, "webhookSecret: gh/secret\nmetadata: '{\"team\":\"shop\"}'")
            + route("open", port, "maxPayloadSize: 64");
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("gh.yaml", yaml));
  }

  private HttpResponse<String> post(
      String path, String contentType, List<String> headers, String body) throws Exception {
    var builder = request(base + path);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.size(); i += 2) {
      builder.header(headers.get(i), headers.get(i + 1));
    }
    return send(builder.POST(BodyPublishers.ofString(body)).build());
  }

  private ObjectNode only(String mock) {
    return getMockEndpoint("mock:" + mock)
        .getReceivedExchanges()
        .get(0)
        .getIn()
        .getBody(ObjectNode.class);
  }

  private double refused(String endpoint) {
    var counter =
        meters
            .find("caravan_webhook_requests_refused")
            .tags("provider", "github", "endpoint", endpoint, "status", "400")
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void signedJsonPushBecomesOneEventWithTheDeliveryHeadersInTheBody() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:signed");
    mock.expectedMessageCount(1);

    HttpResponse<String> response =
        post(
            "/signed",
            "application/json",
            List.of(
                "X-Hub-Signature-256", sha256(PUSH),
                "X-GitHub-Event", "push",
                "X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958",
                "X-GitHub-Hook-ID", "292430182"),
            PUSH);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("success");
    mock.assertIsSatisfied();
    ObjectNode data = only("signed");
    ObjectNode expected = (ObjectNode) JSON.readTree(PUSH);
    expected.put("X-GitHub-Event", "push");
    expected.put("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958");
    assertThat(data.get("body")).isEqualTo(expected);
    // as Go marshals a map: keys sorted, at every level
    List<String> keys = new ArrayList<>();
    data.get("body").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).isSorted();
    List<String> repoKeys = new ArrayList<>();
    data.at("/body/repository").fieldNames().forEachRemaining(repoKeys::add);
    assertThat(repoKeys).containsExactly("full_name", "id", "name", "owner");
    assertThat(data.at("/headers/X-Github-Event").toString()).isEqualTo("[\"push\"]");
    assertThat(data.at("/headers/X-Github-Hook-Id").toString()).isEqualTo("[\"292430182\"]");
    assertThat(data.get("metadata")).isEqualTo(JSON.readTree("{\"team\":\"shop\"}"));
    assertThat(data.has("header")).isFalse();
  }

  @Test
  void legacySha1AndSha512SignaturesAreAcceptedAndMissingHeadersAreEmpty() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:signed");
    mock.expectedMessageCount(2);

    assertThat(
            post(
                    "/signed",
                    "application/json; charset=utf-8",
                    List.of("X-Hub-Signature", sign("HmacSHA1", "sha1", SECRET, PUSH)),
                    PUSH)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            post(
                    "/signed",
                    "application/json",
                    List.of("X-Hub-Signature-256", sign("HmacSHA512", "sha512", SECRET, PUSH)),
                    PUSH)
                .statusCode())
        .isEqualTo(200);

    mock.assertIsSatisfied();
    ObjectNode body = (ObjectNode) only("signed").get("body");
    assertThat(body.get("X-GitHub-Event").asText()).isEmpty();
    assertThat(body.get("X-GitHub-Delivery").asText()).isEmpty();
  }

  @Test
  void formEncodedPayloadIsSignedOverTheWholeForm() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:signed");
    mock.expectedMessageCount(1);
    String form = "payload=" + URLEncoder.encode(PUSH, StandardCharsets.UTF_8) + "&other=x";

    HttpResponse<String> response =
        post(
            "/signed",
            "application/x-www-form-urlencoded",
            List.of("X-Hub-Signature-256", sha256(form), "X-GitHub-Event", "push"),
            form);

    assertThat(response.statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();
    assertThat(only("signed").at("/body/repository/full_name").asText()).isEqualTo("acme/shop");
  }

  @Test
  void badRequestsAreRefusedWithGoGithubsTextAndCountedNeverAnEvent() throws Exception {
    String[][] cases = {
      {"application/json", null, PUSH, "missing signature"},
      {"application/json", sha256("other"), PUSH, "payload signature check failed"},
      {"application/json", "sha256", PUSH, "error parsing signature \"sha256\""},
      {"application/json", "md5=00", PUSH, "unknown hash type prefix: \"md5\""},
      {
        "application/json",
        "sha256=zz",
        PUSH,
        "error decoding signature \"sha256=zz\": encoding/hex: invalid byte: U+007A 'z'"
      },
      {
        "text/plain",
        sha256(PUSH),
        PUSH,
        "webhook request has unsupported Content-Type \"text/plain\""
      },
      {null, sha256(PUSH), PUSH, "mime: no media type"},
      {
        "application/x-www-form-urlencoded",
        sha256("payload=%zz"),
        "payload=%zz",
        "invalid URL escape \"%zz\""
      },
      {
        "application/json",
        sha256("[1]"),
        "[1]",
        "json: cannot unmarshal array into Go value of type map[string]interface {}"
      },
    };
    for (String[] c : cases) {
      List<String> headers = c[1] == null ? List.of() : List.of("X-Hub-Signature-256", c[1]);
      HttpResponse<String> response = post("/signed", c[0], headers, c[2]);
      assertThat(response.statusCode()).as(c[3]).isEqualTo(400);
      assertThat(response.body()).isEqualTo(c[3]);
    }
    // a form without payload is an empty JSON document
    HttpResponse<String> noPayload =
        post(
            "/signed",
            "application/x-www-form-urlencoded",
            List.of("X-Hub-Signature-256", sha256("a=b")),
            "a=b");
    assertThat(noPayload.statusCode()).isEqualTo(400);
    assertThat(noPayload.body()).contains("unexpected end of JSON input");

    assertThat(refused("/signed")).isEqualTo(cases.length + 1);
    assertThat(getMockEndpoint("mock:signed").getReceivedCounter()).isZero();
  }

  @Test
  void withoutSecretAnyMethodIsServedUnsignedAndOversizeBodiesAreCounted400s() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:open");
    mock.expectedMessageCount(1);

    HttpResponse<String> put =
        send(
            request(base + "/open")
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString("{\"zen\":\"hi\"}"))
                .build());
    assertThat(put.statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();
    assertThat(only("open").at("/body/zen").asText()).isEqualTo("hi");

    HttpResponse<String> big = post("/open", "application/json", List.of(), PUSH);
    assertThat(big.statusCode()).isEqualTo(400);
    assertThat(big.body()).isEqualTo("http: request body too large");
    assertThat(refused("/open")).isEqualTo(1);
    assertThat(mock.getReceivedCounter()).isEqualTo(1);
  }
}
