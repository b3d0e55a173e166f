package io.caravan.routes.source.slack;

import static io.caravan.routes.testing.Http.request;
import static io.caravan.routes.testing.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A slack endpoint over real HTTP through the Kamelet, with requests signed by the test: Events API
 * callbacks, the URL verification, interactions and slash commands, and Argo's refusals (401 for a
 * bad signature, counted, no event).
 */
class SlackProviderTest extends RouteContractTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private final int port = AvailablePortFinder.getNextAvailable();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Override
  public boolean isUseRouteBuilder() {
    return false;
  }

  @BeforeEach
  void start() throws Exception {
    context.getRegistry().bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(meters, "ns"));
    context
        .getRegistry()
        .bind(
            SecretStore.BEAN_NAME,
            new MapSecretStore()
                .putSecret("slack", "signing", SECRET)
                .putSecret("slack", "token", "verif-t0ken"));
    String yaml =
        """
        - route:
            id: slack
            from:
              uri: kamelet:slack-source
              parameters:
                port: "%d"
                endpoint: /slack
                signingSecret: slack/signing
                token: slack/token
              steps:
                - to: mock:slack
        """
            .formatted(port);
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("slack.yaml", yaml));
    context.start();
  }

  private HttpResponse<String> post(String contentType, String body, long timestamp, String secret)
      throws Exception {
    String ts = Long.toString(timestamp);
    String signature =
        "v0="
            + HexFormat.of()
                .formatHex(SlackSignature.sign(secret, ts, body.getBytes(StandardCharsets.UTF_8)));
    return send(
        request("http://127.0.0.1:" + port + "/slack")
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", signature)
            .POST(BodyPublishers.ofString(body))
            .build());
  }

  private HttpResponse<String> post(String contentType, String body) throws Exception {
    return post(contentType, body, Instant.now().getEpochSecond(), SECRET);
  }

  private ObjectNode received(MockEndpoint mock, int index) {
    return mock.getReceivedExchanges().get(index).getIn().getBody(ObjectNode.class);
  }

  private double refused(String status) {
    Counter counter =
        meters
            .find("caravan_webhook_requests_refused")
            .tags("provider", "slack", "status", status)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void urlVerificationIsAnsweredWithTheChallengeAndNoEvent() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:slack");
    mock.expectedMessageCount(0);

    HttpResponse<String> answer =
        post(
            "application/json",
            "{\"token\":\"verif-t0ken\",\"challenge\":\"3eZbrw1aB\",\"type\":\"url_verification\"}");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("3eZbrw1aB");
    mock.assertIsSatisfied();
  }

  @Test
  void callbackEventsArePublishedAsTheInnerEvent() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:slack");
    mock.expectedMessageCount(1);
    String inner =
        "{\"type\":\"app_mention\",\"user\":\"U061F7AUR\",\"text\":\"<@U0LAN0Z89> deploy\","
            + "\"ts\":\"1515449522.000016\",\"channel\":\"C0LAN2Q65\"}";

    HttpResponse<String> answer =
        post(
            "application/json",
            "{\"token\":\"verif-t0ken\",\"team_id\":\"T061EG9R6\",\"type\":\"event_callback\","
                + "\"event\":"
                + inner
                + ",\"event_id\":\"Ev0PV52K25\",\"event_time\":1515449522}");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("success");
    mock.assertIsSatisfied();
    ObjectNode data = received(mock, 0);
    assertThat(data.get("type").asText()).isEqualTo("app_mention");
    assertThat(data.get("Data")).isEqualTo(JSON.readTree(inner));
    assertThat(data.has("metadata")).isFalse();
  }

  @Test
  void interactionsAndSlashCommandsArePublishedFromTheirForms() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:slack");
    mock.expectedMessageCount(2);
    String payload =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"actions\":[{\"action_id\":\"ok\"}]}";

    HttpResponse<String> interaction =
        post(SlackProvider.FORM, "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));
    HttpResponse<String> command =
        post(
            SlackProvider.FORM,
            "token=verif-t0ken&team_id=T1&team_domain=acme&channel_id=C1&channel_name=ops"
                + "&user_id=U1&user_name=ada&command=%2Fdeploy&text=web+v2"
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fx&trigger_id=13.1&api_app_id=A1");

    assertThat(interaction.statusCode()).isEqualTo(200);
    assertThat(command.statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();
    assertThat(received(mock, 0)).isEqualTo(JSON.readTree(payload));
    assertThat(received(mock, 1).toString())
        .isEqualTo(
            "{\"token\":\"verif-t0ken\",\"team_id\":\"T1\",\"team_domain\":\"acme\","
                + "\"is_enterprise_install\":false,\"channel_id\":\"C1\",\"channel_name\":\"ops\","
                + "\"user_id\":\"U1\",\"user_name\":\"ada\",\"command\":\"/deploy\","
                + "\"text\":\"web v2\",\"response_url\":\"https://hooks.slack.com/x\","
                + "\"trigger_id\":\"13.1\",\"api_app_id\":\"A1\"}");
  }

  @Test
  void badSignaturesAreArgos401AndCountedWithoutAnEvent() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:slack");
    mock.expectedMessageCount(0);
    String body = "{\"token\":\"verif-t0ken\",\"type\":\"event_callback\",\"event\":{}}";
    long now = Instant.now().getEpochSecond();

    HttpResponse<String> forged = post("application/json", body, now, "not-the-secret");
    HttpResponse<String> stale = post("application/json", body, now - 360, SECRET);
    HttpResponse<String> unsigned =
        send(
            request("http://127.0.0.1:" + port + "/slack")
                .POST(BodyPublishers.ofString(body))
                .build());

    assertThat(forged.statusCode()).isEqualTo(401);
    // DIFFERS: Argo's text goes on with the signature it computed; that would sign forged bodies
    assertThat(forged.body())
        .isEqualTo("signature validation failed, computed unexpected signature");
    assertThat(stale.statusCode()).isEqualTo(401);
    assertThat(stale.body()).isEqualTo("cannot create secrets verifier, timestamp is too old");
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(unsigned.body()).isEqualTo("cannot create secrets verifier, missing headers");
    assertThat(refused("401")).isEqualTo(3);
    mock.assertIsSatisfied();
  }

  @Test
  void malformedPayloadsWrongTokensAndUnknownEventTypesAreRefusedWithoutAnEvent() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:slack");
    mock.expectedMessageCount(0);

    HttpResponse<String> broken = post("application/json", "{\"token\":");
    HttpResponse<String> wrongToken =
        post("application/json", "{\"token\":\"other\",\"type\":\"url_verification\"}");
    HttpResponse<String> unknown =
        post(
            "application/json",
            "{\"token\":\"verif-t0ken\",\"type\":\"event_callback\",\"event\":{\"type\":\"nope\"}}");
    HttpResponse<String> emptyForm = post(SlackProvider.FORM, "user_id=U1");
    HttpResponse<String> badInteraction = post(SlackProvider.FORM, "payload=%7Bnot-json");

    // DIFFERS: Argo answers these client mistakes with 500; they are 400 here
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).startsWith("failed to extract event, ");
    assertThat(wrongToken.statusCode()).isEqualTo(400);
    assertThat(wrongToken.body()).isEqualTo("failed to extract event, invalid verification token");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).endsWith("Inner Event does not exist! nope");
    assertThat(emptyForm.statusCode()).isEqualTo(400);
    assertThat(emptyForm.body()).isEqualTo("could not determine slack type from form parameters");
    assertThat(badInteraction.statusCode()).isEqualTo(400);
    assertThat(refused("400")).isEqualTo(5);
    mock.assertIsSatisfied();
  }

  @Test
  void oversizeBodiesAreRefusedBeforeTheSignatureIsChecked() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:slack");
    mock.expectedMessageCount(0);

    HttpResponse<String> big =
        post("application/json", "{\"token\":\"" + "x".repeat(1_100_000) + "\"}");

    assertThat(big.statusCode()).isEqualTo(400);
    assertThat(big.body()).isEqualTo("http: request body too large");
    mock.assertIsSatisfied();
  }
}
