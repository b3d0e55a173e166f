package io.caravan.routes.source.webhook;

import static io.caravan.routes.testing.Http.get;
import static io.caravan.routes.testing.Http.post;
import static io.caravan.routes.testing.Http.request;
import static io.caravan.routes.testing.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/**
 * Argo's webhook request rules (inventory §1.5.1) over real HTTP, one endpoint per rule on one
 * port.
 */
class WebhookTest extends CamelTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final int port = AvailablePortFinder.getNextAvailable();
  private final String base = "http://127.0.0.1:" + port;

  @Override
  protected void bindToRegistry(Registry registry) {
    registry.bind(
        SecretStore.BEAN_NAME, new MapSecretStore().putSecret("webhook", "token", "s3cret"));
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    String uri = "argo-webhook:" + port;
    return new RouteBuilder() {
      @Override
      public void configure() {
        from(uri + "/example").to("mock:example");
        from(uri + "/query?method=GET").to("mock:query");
        from(uri + "/small?maxPayloadSize=16").to("mock:small");
        from(uri + "/secured?authSecret=webhook/token").to("mock:secured");
        from(uri + "/unreadable?authSecret=webhook/missing").to("mock:unreadable");
        from(uri + "/put?method=PUT").to("mock:put");
        from(uri + "/meta?metadata=RAW({\"team\":\"a\",\"env\":\"dev\"})").to("mock:meta");
        from(uri + "/fail")
            .routeId("fail")
            .throwException(new IllegalStateException("downstream broke"));
        from(uri + "/stoppable").routeId("stoppable").to("mock:stoppable");
      }
    };
  }

  private static ObjectNode body(MockEndpoint mock, int index) {
    return mock.getReceivedExchanges().get(index).getIn().getBody(ObjectNode.class);
  }

  @Test
  void postJsonBecomesHeaderAndRawBody() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:example");
    mock.expectedMessageCount(1);
    HttpResponse<String> response =
        send(
            request(base + "/example")
                .header("Content-Type", "application/json")
                .header("x-custom-header", "one")
                .header("X-CUSTOM-HEADER", "two")
                .POST(
                    BodyPublishers.ofString("{\"message\":\"hello\",\"amount\":10.10,\"n\":[1,2]}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("success");
    mock.assertIsSatisfied();
    ObjectNode data = body(mock, 0);
    assertThat(data.get("body").toString())
        .isEqualTo("{\"message\":\"hello\",\"amount\":10.10,\"n\":[1,2]}");
    assertThat(data.at("/header/Content-Type").toString()).isEqualTo("[\"application/json\"]");
    assertThat(data.at("/header/X-Custom-Header").toString()).isEqualTo("[\"one\",\"two\"]");
    assertThat(data.has("metadata")).as("empty metadata is omitted").isFalse();
    assertThat(data.at("/header/Host").isMissingNode()).isTrue();
    assertThat(mock.getReceivedExchanges().get(0).getPattern()).hasToString("InOut");
  }

  @Test
  void authorizationHeaderIsMaskedEvenWithoutAuthSecret() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:example");
    mock.expectedMessageCount(1);
    HttpResponse<String> response =
        send(
            request(base + "/example")
                .header("Authorization", "Basic dXNlcjpwYXNz")
                .POST(BodyPublishers.ofString("{}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();
    assertThat(body(mock, 0).at("/header/Authorization").toString())
        .isEqualTo("[\"*** Masked Auth Secret ***\"]");
    assertThat(body(mock, 0).toString()).doesNotContain("dXNlcjpwYXNz");
  }

  @Test
  void bearerAuthentication() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:secured");
    mock.expectedMessageCount(1);
    String url = base + "/secured";

    HttpResponse<String> missing = post(url, "application/json", "{}");
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.body()).isEqualTo("Invalid Authorization Header");

    HttpResponse<String> basic =
        send(
            request(url)
                .header("Authorization", "Basic s3cret")
                .POST(BodyPublishers.ofString("{}"))
                .build());
    assertThat(basic.statusCode()).isEqualTo(401);
    assertThat(basic.body()).isEqualTo("Invalid Authorization Header");

    HttpResponse<String> wrong =
        send(
            request(url)
                .header("Authorization", "Bearer nope")
                .POST(BodyPublishers.ofString("{}"))
                .build());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).isEqualTo("Invalid Auth token");

    // Authentication comes before the method check.
    HttpResponse<String> getWithoutAuth = get(url);
    assertThat(getWithoutAuth.statusCode()).isEqualTo(401);

    HttpResponse<String> good =
        send(
            request(url)
                .header("Authorization", "Bearer s3cret")
                .POST(BodyPublishers.ofString("{\"ok\":true}"))
                .build());
    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(good.body()).isEqualTo("success");
    mock.assertIsSatisfied();
    assertThat(body(mock, 0).at("/header/Authorization").toString())
        .isEqualTo("[\"*** Masked Auth Secret ***\"]");
    assertThat(body(mock, 0).toString()).doesNotContain("s3cret");
  }

  @Test
  void unreadableAuthSecretIs500() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:unreadable");
    mock.expectedMessageCount(0);
    HttpResponse<String> response =
        send(
            request(base + "/unreadable")
                .header("Authorization", "Bearer anything")
                .POST(BodyPublishers.ofString("{}"))
                .build());
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).doesNotContain("anything");
    mock.assertIsSatisfied();
  }

  @Test
  void methodMismatchIs400() throws Exception {
    HttpResponse<String> getOnPost = get(base + "/example");
    assertThat(getOnPost.statusCode()).isEqualTo(400);
    assertThat(getOnPost.body()).isEqualTo("http method does not match");

    HttpResponse<String> postOnGet = post(base + "/query", "application/json", "{}");
    assertThat(postOnGet.statusCode()).isEqualTo(400);
    assertThat(postOnGet.body()).isEqualTo("http method does not match");
  }

  @Test
  void putIsRejectedEvenWhenConfigured() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:put");
    mock.expectedMessageCount(0);
    HttpResponse<String> response =
        send(request(base + "/put").PUT(BodyPublishers.ofString("{}")).build());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("unsupoorted method: PUT");
    mock.assertIsSatisfied();
  }

  @Test
  void getQueryBecomesObjectOfStringArrays() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:query");
    mock.expectedMessageCount(2);
    assertThat(get(base + "/query?b=2&a=1&a=x%20y&c=").statusCode()).isEqualTo(200);
    assertThat(get(base + "/query").statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();
    assertThat(body(mock, 0).get("body").toString())
        .isEqualTo("{\"a\":[\"1\",\"x y\"],\"b\":[\"2\"],\"c\":[\"\"]}");
    assertThat(body(mock, 1).get("body").toString()).isEqualTo("{}");
  }

  @Test
  void formPostBecomesObjectOfStringArrays() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:example");
    mock.expectedMessageCount(1);
    HttpResponse<String> response =
        post(
            base + "/example?ignored=1",
            "application/x-www-form-urlencoded",
            "name=caravan&tag=a&tag=b+c");
    assertThat(response.statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();
    assertThat(body(mock, 0).get("body").toString())
        .isEqualTo("{\"name\":[\"caravan\"],\"tag\":[\"a\",\"b c\"]}");
  }

  @Test
  void malformedFormIs400() throws Exception {
    HttpResponse<String> response =
        post(base + "/example", "application/x-www-form-urlencoded", "a=%zz");
    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void nonJsonOrEmptyBodyIs400() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:example");
    mock.expectedMessageCount(0);
    assertThat(post(base + "/example", "text/plain", "hello").statusCode()).isEqualTo(400);
    assertThat(post(base + "/example", "application/json", "").statusCode()).isEqualTo(400);
    assertThat(post(base + "/example", "application/json", "{\"a\":1} trailing").statusCode())
        .isEqualTo(400);
    mock.assertIsSatisfied();
  }

  @Test
  void nonObjectJsonIsAccepted() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:example");
    mock.expectedMessageCount(1);
    assertThat(post(base + "/example", "text/plain", "\"just a string\"").statusCode())
        .isEqualTo(200);
    mock.assertIsSatisfied();
    assertThat(body(mock, 0).get("body").asText()).isEqualTo("just a string");
  }

  @Test
  void bodyOverMaxPayloadSizeIs400() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:small");
    mock.expectedMessageCount(1);
    String exactly16 = "{\"k\":\"12345678\"}";
    assertThat(exactly16).hasSize(16);
    assertThat(post(base + "/small", "application/json", exactly16).statusCode()).isEqualTo(200);

    HttpResponse<String> tooLarge =
        post(base + "/small", "application/json", "{\"k\":\"123456789\"}");
    assertThat(tooLarge.statusCode()).isEqualTo(400);
    assertThat(tooLarge.body()).contains("request body too large");

    // Streamed (chunked, no Content-Length): the limit applies while reading.
    HttpResponse<String> chunked =
        send(
            request(base + "/small")
                .POST(
                    BodyPublishers.ofInputStream(
                        () ->
                            new java.io.ByteArrayInputStream(
                                "{\"k\":\"123456789012345\"}".getBytes())))
                .build());
    assertThat(chunked.statusCode()).isEqualTo(400);
    assertThat(chunked.body()).contains("request body too large");
    mock.assertIsSatisfied();
  }

  @Test
  void defaultLimitIsOneMebibyte() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:example");
    mock.expectedMessageCount(1);
    String fits = "\"" + "x".repeat(1_048_576 - 2) + "\"";
    assertThat(post(base + "/example", "application/json", fits).statusCode()).isEqualTo(200);
    HttpResponse<String> over = post(base + "/example", "application/json", fits + " ");
    assertThat(over.statusCode()).isEqualTo(400);
    assertThat(over.body()).contains("request body too large");
    mock.assertIsSatisfied();
  }

  @Test
  void metadataIsAddedToTheEvent() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:meta");
    mock.expectedMessageCount(1);
    assertThat(post(base + "/meta", "application/json", "{}").statusCode()).isEqualTo(200);
    mock.assertIsSatisfied();
    assertThat(body(mock, 0).get("metadata"))
        .isEqualTo(JSON.readTree("{\"team\":\"a\",\"env\":\"dev\"}"));
  }

  @Test
  void failingDownstreamIs500() throws Exception {
    HttpResponse<String> response = post(base + "/fail", "application/json", "{}");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("failed to record event");
  }

  @Test
  void unknownPathIs404AndHealthIsOk() throws Exception {
    assertThat(post(base + "/nowhere", "application/json", "{}").statusCode()).isEqualTo(404);
    for (String method : List.of("GET", "POST", "DELETE")) {
      HttpResponse<String> health =
          send(request(base + "/health").method(method, BodyPublishers.noBody()).build());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("OK");
    }
  }

  @Test
  void suspendedOrStoppedRouteAnswersInactive() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:stoppable");
    mock.expectedMessageCount(2);
    assertThat(post(base + "/stoppable", "application/json", "{}").statusCode()).isEqualTo(200);

    context.getRouteController().suspendRoute("stoppable");
    HttpResponse<String> suspended = post(base + "/stoppable", "application/json", "{}");
    assertThat(suspended.statusCode()).isEqualTo(400);
    assertThat(suspended.body()).isEqualTo("endpoint is inactive");

    context.getRouteController().resumeRoute("stoppable");
    assertThat(post(base + "/stoppable", "application/json", "{}").statusCode()).isEqualTo(200);

    context.getRouteController().stopRoute("stoppable");
    HttpResponse<String> stopped = post(base + "/stoppable", "application/json", "{}");
    assertThat(stopped.statusCode()).isEqualTo(400);
    assertThat(stopped.body()).isEqualTo("endpoint is inactive");
    assertThat(post(base + "/example", "application/json", "{}").statusCode())
        .as("other endpoints on the port keep serving")
        .isEqualTo(200);
    mock.assertIsSatisfied();
  }
}
