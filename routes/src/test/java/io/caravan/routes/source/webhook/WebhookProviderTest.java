package io.caravan.routes.source.webhook;

import static io.caravan.routes.testing.Http.post;
import static io.caravan.routes.testing.Http.request;
import static io.caravan.routes.testing.Http.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.TokenEchoProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The shared server's side of webhook-style types ({@link WebhookProvider}), through a test
 * provider: what the provider decides is answered, events are stored before the answer, refusals
 * are counted, the provider's lifecycle follows the route, a wrong name fails the start.
 */
class WebhookProviderTest extends CamelTestSupport {
  private final int port = AvailablePortFinder.getNextAvailable();
  private final String base = "http://127.0.0.1:" + port;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Override
  protected void bindToRegistry(Registry registry) {
    registry.bind(SecretStore.BEAN_NAME, new MapSecretStore().putSecret("hook", "token", "t0ken"));
    registry.bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(meters, "ns"));
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    String uri = "argo-webhook:" + port;
    String options = "?provider=token-echo&provider.tokenSecret=hook/token";
    return new RouteBuilder() {
      @Override
      public void configure() {
        from(uri + "/echo" + options + "&metadata=RAW({\"team\":\"a\"})").to("mock:echo");
        from(uri + "/small" + options + "&maxPayloadSize=8").to("mock:small");
        from(uri + "/fail" + options).throwException(new IllegalStateException("bus down"));
        from(uri + "/plain").to("mock:plain");
      }
    };
  }

  private static HttpResponse<String> call(String url, String token, String body) throws Exception {
    return send(request(url).header("X-Token", token).POST(BodyPublishers.ofString(body)).build());
  }

  @Test
  void acceptedRequestBecomesTheProvidersEventAnsweredAfterTheRoute() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:echo");
    mock.expectedMessageCount(1);

    HttpResponse<String> response = call(base + "/echo", "t0ken", "not json at all");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("success");
    mock.assertIsSatisfied();
    ObjectNode data = mock.getReceivedExchanges().get(0).getIn().getBody(ObjectNode.class);
    assertThat(data.get("body").asText()).isEqualTo("not json at all");
    assertThat(data.at("/headers/X-Token").toString()).isEqualTo("[\"t0ken\"]");
    assertThat(data.at("/metadata/team").asText()).isEqualTo("a");
    assertThat(TokenEchoProvider.STARTED.get()).isPositive();
  }

  @Test
  void noMethodCheck_getIsHandedToTheProviderToo() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:echo");
    mock.expectedMessageCount(1);
    HttpResponse<String> response =
        send(request(base + "/echo").header("X-Token", "t0ken").GET().build());
    assertThat(response.statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();
    assertThat(mock.getReceivedExchanges().get(0).getIn().getBody(ObjectNode.class).get("method"))
        .hasToString("\"GET\"");
  }

  @Test
  void refusalIsAnsweredCountedAndPutsNothingOnTheRoute() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:echo");
    mock.expectedMessageCount(0);

    HttpResponse<String> response = call(base + "/echo", "wrong", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("token mismatch");
    mock.assertIsSatisfied();
    assertThat(
            meters
                .get("caravan_webhook_requests_refused")
                .tags("provider", "token-echo", "endpoint", "/echo", "status", "400")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void answerWithoutEventIsSentAsTheProviderSaysIt() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:echo");
    mock.expectedMessageCount(0);
    HttpResponse<String> response = call(base + "/echo?challenge=abc", "", "");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("abc");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
    mock.assertIsSatisfied();
  }

  @Test
  void severalEventsOfOneRequestGoThroughInOrder() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:echo");
    mock.expectedMessageCount(3);
    HttpResponse<String> response = call(base + "/echo?copies=3", "t0ken", "{}");
    assertThat(response.statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();
    for (int i = 0; i < 3; i++) {
      assertThat(mock.getReceivedExchanges().get(i).getIn().getBody(ObjectNode.class).get("copy"))
          .hasToString(Integer.toString(i));
    }
  }

  @Test
  void oversizeBodyIsRefusedBeforeTheProviderSeesIt() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:small");
    mock.expectedMessageCount(0);
    HttpResponse<String> response = post(base + "/small", "application/json", "{\"a\":\"long\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("http: request body too large");
    mock.assertIsSatisfied();
  }

  @Test
  void routeFailureIs500AndProviderFailureIs500() throws Exception {
    HttpResponse<String> stored = call(base + "/fail", "t0ken", "{}");
    assertThat(stored.statusCode()).isEqualTo(500);
    assertThat(stored.body()).isEqualTo("failed to record event");

    HttpResponse<String> broken = call(base + "/echo?explode", "t0ken", "{}");
    assertThat(broken.statusCode()).isEqualTo(500);
  }

  @Test
  void plainWebhookOnTheSamePortKeepsArgosWebhookRules() throws Exception {
    HttpResponse<String> response =
        send(request(base + "/plain").PUT(BodyPublishers.ofString("{}")).build());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("http method does not match");
  }

  @Test
  void stoppingTheRouteClosesTheReceiver() throws Exception {
    int closed = TokenEchoProvider.CLOSED.get();
    context.getRouteController().stopRoute(context.getRoutes().get(0).getRouteId());
    assertThat(TokenEchoProvider.CLOSED.get()).isEqualTo(closed + 1);
  }

  @Test
  void unknownProviderOrMissingOptionFailsTheStart() throws Exception {
    for (String uri :
        new String[] {
          "argo-webhook:0/x?provider=no-such",
          "argo-webhook:0/y?provider=token-echo",
          "argo-webhook:0/z?provider.tokenSecret=a/b"
        }) {
      DefaultCamelContext camel = new DefaultCamelContext();
      assertThatThrownBy(
              () -> {
                camel.addRoutes(
                    new RouteBuilder() {
                      @Override
                      public void configure() {
                        from(uri).to("log:x");
                      }
                    });
                camel.start();
              })
          .as(uri)
          .hasStackTraceContaining(
              uri.contains("no-such")
                  ? "no webhook provider 'no-such' (known: ["
                  : uri.contains("/y")
                      ? "provider.tokenSecret is required"
                      : "no provider is named");
      camel.close();
    }
  }
}
