package io.caravan.routes.source.storagegrid;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A storageGrid endpoint over real HTTP through the Kamelet, with WireMock standing in for the
 * StorageGRID management API: the form converted to {@code {notification, metadata}}, the key
 * filter, Argo's PublishResponse, refusals, and the endpoint + bucket notification registration (an
 * existing endpoint reused, a failing API retried while serving).
 */
class StorageGridProviderTest extends RouteContractTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOPIC = "urn:sgws:sns:us-east-1:uploads";
  private final int port = AvailablePortFinder.getNextAvailable();
  private final WireMockServer grid =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  @Override
  public boolean isUseRouteBuilder() {
    return false;
  }

  @BeforeEach
  void startGrid() {
    grid.start();
    context
        .getRegistry()
        .bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(new SimpleMeterRegistry(), "ns"));
    context
        .getRegistry()
        .bind(SecretStore.BEAN_NAME, new MapSecretStore().putSecret("grid", "token", "gr1d-t0k"));
  }

  @AfterEach
  void stopGrid() {
    grid.stop();
  }

  private void start(String extra) throws Exception {
    String yaml =
        """
        - route:
            id: grid
            from:
              uri: kamelet:storagegrid-source
              parameters:
                port: "%d"
                endpoint: /grid
                topicArn: "%s"
                bucket: uploads
                apiUrl: %s/api/v3
                authToken: grid/token
                hookUrl: https://events.example.com/grid
                events: "s3:ObjectCreated:*,s3:ObjectRemoved:Delete"
                eventName: uploads
                metadata: '{"team":"data"}'
        %s
              steps:
                - to: mock:grid
        """
            .formatted(port, TOPIC, grid.baseUrl(), extra.indent(8).stripTrailing());
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("grid.yaml", yaml));
    context.start();
  }

  private void apiUp(String endpoints) {
    grid.stubFor(get(urlPathEqualTo("/api/v3/org/endpoints")).willReturn(okJson(endpoints)));
    grid.stubFor(
        post(urlPathEqualTo("/api/v3/org/endpoints"))
            .willReturn(okJson("{\"status\":\"success\"}")));
    grid.stubFor(
        put(urlPathEqualTo("/api/v3/org/containers/uploads/notification"))
            .willReturn(okJson("{\"status\":\"success\"}")));
  }

  private static String message(String key) {
    return "{\"Records\":[{\"eventVersion\":\"2.0\",\"eventSource\":\"sgws:s3\","
        + "\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"uploads\"},"
        + "\"object\":{\"key\":\""
        + key
        + "\",\"size\":42}}}]}";
  }

  private static String form(String key) {
    return "Action=Publish&Message="
        + URLEncoder.encode(message(key), StandardCharsets.UTF_8)
        + "&TopicArn="
        + URLEncoder.encode(TOPIC, StandardCharsets.UTF_8)
        + "&Version=2010-03-31";
  }

  private HttpResponse<String> notify(String body) throws Exception {
    return send(
        request("http://127.0.0.1:" + port + "/grid")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void notificationsAreConvertedToJsonFilteredByKeyAndAnsweredWithAPublishResponse()
      throws Exception {
    apiUp("{\"data\":[]}");
    start("filterKeys: true\nprefix: incoming/\nsuffix: .csv");
    MockEndpoint mock = getMockEndpoint("mock:grid");
    mock.expectedMessageCount(1);

    HttpResponse<String> accepted = notify(form("incoming/sales.csv"));
    HttpResponse<String> filtered = notify(form("archive/sales.csv"));
    HttpResponse<String> broken = notify("Action=Publish&Message=%zz");
    HttpResponse<String> noPair = notify("just-text");

    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.body())
        .contains("<PublishResponse xmlns=\"http://argoevents-sns-server/\">");
    assertThat(filtered.statusCode()).isEqualTo(200);
    assertThat(filtered.body()).contains("<PublishResponse");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(noPair.statusCode()).isEqualTo(400);
    mock.assertIsSatisfied();
    ObjectNode data = mock.getReceivedExchanges().get(0).getIn().getBody(ObjectNode.class);
    assertThat(data.get("notification"))
        .isEqualTo(
            JSON.readTree(
                "{\"Action\":\"Publish\",\"Message\":"
                    + message("incoming/sales.csv")
                    + ",\"TopicArn\":\""
                    + TOPIC
                    + "\",\"Version\":\"2010-03-31\"}"));
    assertThat(data.get("metadata")).isEqualTo(JSON.readTree("{\"team\":\"data\"}"));
  }

  @Test
  void registersTheEndpointAndTheBucketNotification() throws Exception {
    apiUp("{\"data\":[{\"endpointURN\":\"urn:other\"}]}");
    start("");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                grid.verify(
                    putRequestedFor(urlPathEqualTo("/api/v3/org/containers/uploads/notification"))
                        .withHeader("Authorization", equalTo("Bearer gr1d-t0k"))
                        .withRequestBody(
                            equalToJson(
                                JSON.createObjectNode()
                                    .put(
                                        "notification",
                                        StorageGridNotifications.configuration(
                                            "uploads",
                                            TOPIC,
                                            List.of(
                                                "s3:ObjectCreated:*", "s3:ObjectRemoved:Delete")))
                                    .toString()))));
    grid.verify(
        postRequestedFor(urlPathEqualTo("/api/v3/org/endpoints"))
            .withRequestBody(
                equalToJson(
                    "{\"displayName\":\"uploads\",\"endpointURI\":\"https://events.example.com/grid\","
                        + "\"endpointURN\":\""
                        + TOPIC
                        + "\",\"authType\":\"anonymous\",\"insecureTLS\":true}")));
    assertThat(
            StorageGridNotifications.configuration("uploads", TOPIC, List.of("s3:ObjectCreated:*")))
        .isEqualTo(
            "\n<NotificationConfiguration>\n\t<TopicConfiguration>\n\t  <Id>uploads</Id>\n\t  <Topic>"
                + TOPIC
                + "</Topic>\n\t  <Event>s3:ObjectCreated:*</Event>\n\t</TopicConfiguration>\n"
                + "</NotificationConfiguration>\n\n");
  }

  @Test
  void anExistingEndpointIsReusedAndAFailingApiIsRetriedWhileServing() throws Exception {
    grid.stubFor(
        get(urlPathEqualTo("/api/v3/org/endpoints"))
            .inScenario("outage")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("up"));
    grid.stubFor(
        get(urlPathEqualTo("/api/v3/org/endpoints"))
            .inScenario("outage")
            .whenScenarioStateIs("up")
            .willReturn(okJson("{\"data\":[{\"endpointURN\":\"" + TOPIC + "\"}]}")));
    grid.stubFor(
        put(urlPathEqualTo("/api/v3/org/containers/uploads/notification"))
            .willReturn(okJson("{\"status\":\"success\"}")));
    MockEndpoint mock = getMockEndpoint("mock:grid");
    mock.expectedMessageCount(1);
    start("");

    assertThat(notify(form("a.txt")).statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                grid.verify(
                    1,
                    putRequestedFor(
                        urlPathEqualTo("/api/v3/org/containers/uploads/notification"))));
    grid.verify(2, getRequestedFor(urlPathEqualTo("/api/v3/org/endpoints")));
    grid.verify(0, postRequestedFor(urlPathEqualTo("/api/v3/org/endpoints")));
  }

  @Test
  void argosFormConversionUnescapesTwiceAndNestsBracketKeys() {
    assertThat(StorageGridForm.toJson("a%5Bb%5D%5Bc%5D=1&a%5Bd%5D=x+y&n=null").toString())
        .isEqualTo("{\"a\":{\"b\":{\"c\":1},\"d\":\"x y\"},\"n\":null}");
  }
}
