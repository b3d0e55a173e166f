package io.caravan.routes.source.sns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An sns endpoint over real HTTP through the Kamelet, with WireMock speaking the SNS query API
 * (Subscribe, ConfirmSubscription, Unsubscribe) and serving a signing certificate the test made:
 * the subscription's life, signed notifications as {@code {header, body, metadata}}, Argo's
 * refusals, and a failing API retried while the endpoint serves.
 */
class SnsProviderTest extends RouteContractTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:deploys";
  private static final String HOOK_URL = "https://events.example.com/sns";
  private static final String SUBSCRIPTION = TOPIC + ":6d5a3b1c-0000-4000-8000-000000000001";
  private final int port = AvailablePortFinder.getNextAvailable();
  private final WireMockServer aws =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private static SnsTestMessages messages;

  @Override
  public boolean isUseRouteBuilder() {
    return false;
  }

  @BeforeEach
  void startAws(@TempDir Path dir) throws Exception {
    if (messages == null) {
      messages = SnsTestMessages.create(dir);
    }
    aws.start();
    aws.stubFor(
        get(urlPathEqualTo("/cert.pem")).willReturn(aResponse().withBody(messages.certificatePem)));
    context
        .getRegistry()
        .bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(new SimpleMeterRegistry(), "ns"));
    context
        .getRegistry()
        .bind(
            SecretStore.BEAN_NAME,
            new MapSecretStore()
                .putSecret("aws", "access", "AKIDEXAMPLE")
                .putSecret("aws", "secret", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
  }

  @AfterEach
  void stopAws() {
    aws.stop();
  }

  private static MappingBuilder action(String action) {
    return post(urlPathEqualTo("/")).withRequestBody(containing("Action=" + action));
  }

  private static String xml(String action, String result) {
    return "<"
        + action
        + "Response xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
        + (result == null ? "" : "<" + action + "Result>" + result + "</" + action + "Result>")
        + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></"
        + action
        + "Response>";
  }

  private void stubApi() {
    aws.stubFor(
        action("Subscribe")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        xml(
                            "Subscribe",
                            "<SubscriptionArn>pending confirmation</SubscriptionArn>"))));
    aws.stubFor(
        action("ConfirmSubscription")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        xml(
                            "ConfirmSubscription",
                            "<SubscriptionArn>" + SUBSCRIPTION + "</SubscriptionArn>"))));
    aws.stubFor(
        action("Unsubscribe")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/xml")
                    .withBody(xml("Unsubscribe", null))));
  }

  private void start(String extra) throws Exception {
    String yaml =
        """
        - route:
            id: sns
            from:
              uri: kamelet:sns-source
              parameters:
                port: "%d"
                endpoint: /sns
                topicArn: "%s"
                region: us-east-1
                accessKey: aws/access
                secretKey: aws/secret
                apiEndpoint: %s
                metadata: '{"team":"ops"}'
        %s
              steps:
                - to: mock:sns
        """
            .formatted(port, TOPIC, aws.baseUrl(), extra.indent(8).stripTrailing());
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("sns.yaml", yaml));
    context.start();
  }

  private String certUrl() {
    return aws.baseUrl() + "/cert.pem";
  }

  private static final String TEST_CERT_URLS =
      "signingCertUrlPattern: 'http://(localhost|127\\.0\\.0\\.1):[0-9]+/.*'";

  private HttpResponse<String> deliver(String body) throws Exception {
    return send(
        request("http://127.0.0.1:" + port + "/sns")
            .header("Content-Type", "text/plain; charset=UTF-8")
            .header("X-Amz-Sns-Message-Type", "Notification")
            .POST(BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void subscribesConfirmsPublishesSignedNotificationsAndUnsubscribesOnStop() throws Exception {
    stubApi();
    MockEndpoint mock = getMockEndpoint("mock:sns");
    mock.expectedMessageCount(1);
    start("hookUrl: " + HOOK_URL + "\nvalidateSignature: true\n" + TEST_CERT_URLS);

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                aws.verify(
                    postRequestedFor(urlPathEqualTo("/"))
                        .withRequestBody(containing("Action=Subscribe"))
                        .withRequestBody(containing("Protocol=https"))
                        .withRequestBody(
                            containing("Endpoint=https%3A%2F%2Fevents.example.com%2Fsns"))));
    HttpResponse<String> confirmed =
        deliver(messages.confirmation(TOPIC, "t0ken-2336412f37", certUrl()).toString());
    assertThat(confirmed.statusCode()).isEqualTo(200);
    aws.verify(
        postRequestedFor(urlPathEqualTo("/"))
            .withRequestBody(containing("Action=ConfirmSubscription"))
            .withRequestBody(containing("Token=t0ken-2336412f37")));

    ObjectNode notification = messages.notification(TOPIC, "{\"app\":\"web\"}", certUrl());
    HttpResponse<String> published = deliver(notification.toString());
    assertThat(published.statusCode()).isEqualTo(200);
    assertThat(published.body()).isEmpty();
    mock.assertIsSatisfied();
    ObjectNode data = mock.getReceivedExchanges().get(0).getIn().getBody(ObjectNode.class);
    assertThat(data.get("body")).isEqualTo(notification);
    assertThat(data.at("/header/X-Amz-Sns-Message-Type").toString())
        .isEqualTo("[\"Notification\"]");
    assertThat(data.get("metadata")).isEqualTo(JSON.readTree("{\"team\":\"ops\"}"));

    context.stop();
    aws.verify(
        postRequestedFor(urlPathEqualTo("/"))
            .withRequestBody(containing("Action=Unsubscribe"))
            .withRequestBody(containing("SubscriptionArn=arn%3Aaws%3Asns")));
  }

  @Test
  void forgedAndWronglyCertifiedMessagesAreRefusedWithArgosText() throws Exception {
    stubApi();
    MockEndpoint mock = getMockEndpoint("mock:sns");
    mock.expectedMessageCount(0);
    start("validateSignature: true\n" + TEST_CERT_URLS);

    ObjectNode forged = messages.notification(TOPIC, "{\"app\":\"web\"}", certUrl());
    forged.put("Message", "{\"app\":\"evil\"}");
    ObjectNode elsewhere = messages.notification(TOPIC, "{}", "http://169.254.169.254/cert.pem");

    HttpResponse<String> forgedAnswer = deliver(forged.toString());
    HttpResponse<String> elsewhereAnswer = deliver(elsewhere.toString());

    assertThat(forgedAnswer.statusCode()).isEqualTo(400);
    assertThat(forgedAnswer.body()).startsWith("message signature check error");
    assertThat(elsewhereAnswer.statusCode()).isEqualTo(400);
    assertThat(elsewhereAnswer.body()).startsWith("failed to verify SigningCertURL");
    mock.assertIsSatisfied();
  }

  @Test
  void argosCertificateUrlRuleIsHttpsOnAnSnsHost() {
    SnsSignature argo = new SnsSignature(null);
    ObjectNode message = JSON.createObjectNode().put("Signature", "AAAA");
    assertThat(
            argo.check(message.put("SigningCertURL", "http://sns.us-east-1.amazonaws.com/c.pem")))
        .startsWith("failed to verify SigningCertURL");
    assertThat(argo.check(message.put("SigningCertURL", "https://sns.evil.com/c.pem")))
        .startsWith("failed to verify SigningCertURL");
    assertThat(argo.check(message.put("Signature", "%%%")))
        .startsWith("failed to base64 decode signature");
  }

  @Test
  void withoutValidationMalformedBodiesAreRefusedAndOtherTypesCarryNoEvent() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:sns");
    mock.expectedMessageCount(1);
    start("");

    assertThat(deliver("{\"Type\":").statusCode()).isEqualTo(400);
    HttpResponse<String> nothing = deliver("null");
    assertThat(nothing.statusCode()).isEqualTo(400);
    assertThat(nothing.body()).isEqualTo("bad request, not a valid SNS notification");
    assertThat(deliver("{\"Type\":\"UnsubscribeConfirmation\"}").statusCode()).isEqualTo(200);
    assertThat(deliver("{\"Type\":\"Notification\",\"Message\":\"hi\"}").statusCode())
        .isEqualTo(200);
    assertThat(deliver("{\"Message\":\"" + "x".repeat(1_100_000) + "\"}").statusCode())
        .isEqualTo(400);
    mock.assertIsSatisfied();
    // without hookUrl nothing is subscribed
    assertThat(aws.findAll(postRequestedFor(urlPathEqualTo("/")))).isEmpty();
  }

  @Test
  void aFailingSubscribeIsRetriedWhileServingAndAFailedConfirmationIsA500() throws Exception {
    aws.stubFor(
        action("Subscribe")
            .inScenario("outage")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("up"));
    aws.stubFor(
        action("Subscribe")
            .inScenario("outage")
            .whenScenarioStateIs("up")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/xml")
                    .withBody(
                        xml(
                            "Subscribe",
                            "<SubscriptionArn>pending confirmation</SubscriptionArn>"))));
    aws.stubFor(
        action("ConfirmSubscription")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameter</Code>"
                            + "<Message>Invalid token</Message></Error><RequestId>r</RequestId></ErrorResponse>")));
    MockEndpoint mock = getMockEndpoint("mock:sns");
    mock.expectedMessageCount(1);
    start("hookUrl: http://events.example.com/sns");

    assertThat(deliver("{\"Type\":\"Notification\",\"Message\":\"hi\"}").statusCode())
        .isEqualTo(200);
    mock.assertIsSatisfied();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        aws.findAll(
                            postRequestedFor(urlPathEqualTo("/"))
                                .withRequestBody(containing("Action=Subscribe"))
                                .withRequestBody(containing("Endpoint=http%3A%2F%2Fevents"))))
                    .hasSizeGreaterThanOrEqualTo(2));
    HttpResponse<String> confirmation =
        deliver("{\"Type\":\"SubscriptionConfirmation\",\"Token\":\"bad\"}");
    assertThat(confirmation.statusCode()).isEqualTo(500);
    assertThat(confirmation.body()).isEqualTo("failed to confirm the subscription");
  }
}
