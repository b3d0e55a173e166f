package io.caravan.routes.source.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stripe endpoint over real HTTP through the Kamelet, with WireMock standing in for
 * api.stripe.com: the event data {@code {event, metadata}}, {@code eventFilter}, Argo's refusals,
 * the endpoint registration (created once, reused, retried while serving) and, beyond Argo, the
 * {@code Stripe-Signature} check.
 */
class StripeProviderTest extends RouteContractTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WHSEC = "whsec_test_5ecret";
  private static final String HOOK_URL = "https://events.example.com/stripe";
  private final int port = AvailablePortFinder.getNextAvailable();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final WireMockServer stripe =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  @Override
  public boolean isUseRouteBuilder() {
    return false;
  }

  @BeforeEach
  void bind() {
    stripe.start();
    context.getRegistry().bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(meters, "ns"));
    context
        .getRegistry()
        .bind(
            SecretStore.BEAN_NAME,
            new MapSecretStore()
                .putSecret("stripe", "api-key", "sk_test_123")
                .putSecret("stripe", "whsec", WHSEC));
  }

  @AfterEach
  void stopStripe() {
    stripe.stop();
  }

  private void start(String parameters) throws Exception {
    String yaml =
        """
        - route:
            id: stripe
            from:
              uri: kamelet:stripe-source
              parameters:
                port: "%d"
                endpoint: /stripe
                apiUrl: %s
                metadata: '{"team":"billing"}'
        %s
              steps:
                - to: mock:stripe
        """
            .formatted(port, stripe.baseUrl(), parameters.indent(8).stripTrailing());
    PluginHelper.getRoutesLoader(context)
        .loadRoutes(ResourceHelper.fromString("stripe.yaml", yaml));
    context.start();
  }

  private HttpResponse<String> deliver(String body, String signature) throws Exception {
    var builder =
        request("http://127.0.0.1:" + port + "/stripe")
            .header("Content-Type", "application/json; charset=utf-8");
    if (signature != null) {
      builder.header("Stripe-Signature", signature);
    }
    return send(builder.POST(BodyPublishers.ofString(body)).build());
  }

  private static String signature(String secret, long t, String body) {
    byte[] mac =
        StripeSignature.sign(secret, Long.toString(t), body.getBytes(StandardCharsets.UTF_8));
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac);
  }

  private static String event(String type) {
    return "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\""
        + type
        + "\","
        + "\"data\":{\"object\":{\"id\":\"ch_1\",\"amount\":2000}}}";
  }

  private double refused() {
    Counter counter =
        meters.find("caravan_webhook_requests_refused").tags("provider", "stripe").counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void filteredEventsArePublishedWithMetadataAndOthersAreArgosRefusals() throws Exception {
    start("eventFilter: charge.succeeded,charge.refunded\nfilterEvents: true");
    MockEndpoint mock = getMockEndpoint("mock:stripe");
    mock.expectedMessageCount(1);

    HttpResponse<String> accepted = deliver(event("charge.succeeded"), null);
    HttpResponse<String> other = deliver(event("customer.created"), null);
    HttpResponse<String> broken = deliver("{\"id\":", null);

    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.body()).isEqualTo("success");
    assertThat(other.statusCode()).isEqualTo(400);
    assertThat(other.body()).isEqualTo("invalid event");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).isEqualTo("failed to parse the event");
    assertThat(refused()).isEqualTo(2);
    mock.assertIsSatisfied();
    ObjectNode data = mock.getReceivedExchanges().get(0).getIn().getBody(ObjectNode.class);
    assertThat(data.get("event")).isEqualTo(JSON.readTree(event("charge.succeeded")));
    assertThat(data.get("metadata")).isEqualTo(JSON.readTree("{\"team\":\"billing\"}"));
    // without an API key nothing is registered
    assertThat(stripe.getAllServeEvents()).isEmpty();
  }

  @Test
  void withoutEventFilterEveryTypeIsAccepted() throws Exception {
    start("");
    MockEndpoint mock = getMockEndpoint("mock:stripe");
    mock.expectedMessageCount(2);
    assertThat(deliver(event("customer.created"), null).statusCode()).isEqualTo(200);
    assertThat(deliver(event("invoice.paid"), null).statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();
  }

  @Test
  void beyondArgoASigningSecretRefusesUnsignedStaleAndForgedDeliveries() throws Exception {
    start("signingSecret: stripe/whsec");
    MockEndpoint mock = getMockEndpoint("mock:stripe");
    mock.expectedMessageCount(1);
    String body = event("charge.succeeded");
    long now = Instant.now().getEpochSecond();

    HttpResponse<String> unsigned = deliver(body, null);
    HttpResponse<String> forged = deliver(body, signature("whsec_other", now, body));
    HttpResponse<String> stale = deliver(body, signature(WHSEC, now - 600, body));
    HttpResponse<String> signed = deliver(body, signature(WHSEC, now, body) + ",v0=ignored");

    assertThat(unsigned.statusCode()).isEqualTo(400);
    assertThat(unsigned.body()).isEqualTo("invalid signature: missing Stripe-Signature header");
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body())
        .endsWith("no signatures found matching the expected signature for payload");
    assertThat(stale.statusCode()).isEqualTo(400);
    assertThat(stale.body()).endsWith("timestamp outside the tolerance zone");
    assertThat(signed.statusCode()).isEqualTo(200);
    assertThat(refused()).isEqualTo(3);
    mock.assertIsSatisfied();
  }

  @Test
  void createWebhookRegistersTheEndpointAfterAnApiOutageWhileServing() throws Exception {
    stripe.stubFor(
        get(urlPathEqualTo("/v1/webhook_endpoints"))
            .inScenario("outage")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("up"));
    stripe.stubFor(
        get(urlPathEqualTo("/v1/webhook_endpoints"))
            .inScenario("outage")
            .whenScenarioStateIs("up")
            .willReturn(
                okJson(
                    "{\"object\":\"list\",\"data\":[{\"id\":\"we_old\",\"url\":\"https://else\"}]}")));
    stripe.stubFor(
        post(urlPathEqualTo("/v1/webhook_endpoints"))
            .willReturn(okJson("{\"id\":\"we_new\",\"url\":\"" + HOOK_URL + "\"}")));
    MockEndpoint mock = getMockEndpoint("mock:stripe");
    mock.expectedMessageCount(1);

    start(
        "eventFilter: charge.succeeded,charge.refunded\nfilterEvents: true\n"
            + "apiKey: stripe/api-key\nhookUrl: "
            + HOOK_URL);

    assertThat(deliver(event("charge.refunded"), null).statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                stripe.verify(
                    1,
                    postRequestedFor(urlPathEqualTo("/v1/webhook_endpoints"))
                        .withHeader("Authorization", equalTo("Bearer sk_test_123"))
                        .withRequestBody(
                            equalTo(
                                "url=https%3A%2F%2Fevents.example.com%2Fstripe"
                                    + "&enabled_events[]=charge.succeeded"
                                    + "&enabled_events[]=charge.refunded"))));
    stripe.verify(2, getRequestedFor(urlPathEqualTo("/v1/webhook_endpoints")));
  }

  @Test
  void anEndpointAlreadyRegisteredWithTheUrlIsReused() throws Exception {
    stripe.stubFor(
        get(urlPathEqualTo("/v1/webhook_endpoints"))
            .willReturn(okJson("{\"data\":[{\"id\":\"we_1\",\"url\":\"" + HOOK_URL + "\"}]}")));

    start("apiKey: stripe/api-key\nhookUrl: " + HOOK_URL);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> stripe.verify(1, getRequestedFor(urlPathEqualTo("/v1/webhook_endpoints"))));
    context.stop();
    stripe.verify(0, postRequestedFor(urlPathEqualTo("/v1/webhook_endpoints")));
  }
}
