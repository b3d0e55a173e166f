package io.caravan.routes.source.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.routes.source.EventSourceFilter;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.Http;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of semantics/webhook.yaml, sent over HTTP to argo-webhook endpoints. */
class WebhookSemanticsTest extends CamelTestSupport {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();
  private final int port = AvailablePortFinder.getNextAvailable();

  static Stream<Arguments> cases() throws Exception {
    try (InputStream in =
        WebhookSemanticsTest.class.getResourceAsStream("/semantics/webhook.yaml")) {
      List<Map<String, Object>> cases = YAML.readValue(in, new TypeReference<>() {});
      return cases.stream().map(c -> Arguments.of(c.get("name"), JSON.valueToTree(c)));
    }
  }

  @Override
  protected void bindToRegistry(Registry registry) {
    registry.bind(SecretStore.BEAN_NAME, new MapSecretStore().putSecret("webhook", "token", "T"));
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    String uri = "argo-webhook:" + port;
    return new RouteBuilder() {
      @Override
      public void configure() {
        from(uri + "/fake").to("mock:published");
        from(uri + "/query?method=GET").to("mock:published");
        from(uri + "/small?maxPayloadSize=10").to("mock:published");
        from(uri + "/secured?authSecret=webhook/token").to("mock:published");
        from(uri + "/unreadable?authSecret=webhook/missing").to("mock:published");
        from(uri + "/put?method=PUT").to("mock:published");
        from(uri + "/meta?metadata=RAW({\"k\":\"v\"})").to("mock:published");
        from(uri + "/fail").throwException(new IllegalStateException("the bus is down"));
        EventSourceFilter filter = new EventSourceFilter();
        filter.setEventSourceName("es");
        filter.setEventName("filtered");
        filter.setExpression("body.a == 1");
        from(uri + "/filtered").filter().method(filter, "accept").to("mock:published");
      }
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersLikeArgo(String name, JsonNode c) throws Exception {
    JsonNode request = c.get("request");
    HttpRequest.Builder builder =
        Http.request("http://127.0.0.1:" + port + request.get("path").asText());
    request
        .path("headers")
        .fields()
        .forEachRemaining(h -> builder.header(h.getKey(), h.getValue().asText()));
    String body = request.path("body").asText("");
    builder.method(
        request.get("method").asText(),
        body.isEmpty() && !request.has("body")
            ? BodyPublishers.noBody()
            : BodyPublishers.ofString(body));
    MockEndpoint published = getMockEndpoint("mock:published");

    HttpResponse<String> response = Http.send(builder.build());

    JsonNode expect = c.get("expect");
    assertThat(response.statusCode()).as("status").isEqualTo(expect.get("status").asInt());
    if (expect.has("body")) {
      assertThat(response.body()).isEqualTo(expect.get("body").asText());
    }
    if (expect.has("bodyContains")) {
      assertThat(response.body()).contains(expect.get("bodyContains").asText());
    }
    if (expect.path("published").isBoolean()) {
      assertThat(published.getReceivedCounter()).as("published").isZero();
    }
    if (expect.has("data")) {
      assertThat(published.getReceivedCounter()).as("published").isEqualTo(1);
      JsonNode data = JSON.valueToTree(published.getReceivedExchanges().get(0).getIn().getBody());
      expect
          .get("data")
          .fields()
          .forEachRemaining(
              pointer -> {
                JsonNode actual = data.at(pointer.getKey());
                if (pointer.getValue().isNull()) {
                  assertThat(actual.isMissingNode()).as(pointer.getKey() + " absent").isTrue();
                } else {
                  assertThat(actual).as(pointer.getKey()).isEqualTo(pointer.getValue());
                }
              });
    }
  }
}
