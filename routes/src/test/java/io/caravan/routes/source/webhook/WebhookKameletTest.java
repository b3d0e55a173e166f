package io.caravan.routes.source.webhook;

import static io.caravan.routes.testing.Http.post;
import static io.caravan.routes.testing.Http.request;
import static io.caravan.routes.testing.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.RouteContractTestSupport;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

/** The webhook-source Kamelet, used the way generated EventSource routes use it (YAML DSL). */
class WebhookKameletTest extends RouteContractTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final int port = AvailablePortFinder.getNextAvailable();

  @Override
  protected void bindToRegistry(Registry registry) {
    registry.bind(SecretStore.BEAN_NAME, new MapSecretStore().putSecret("hook", "token", "t0ken"));
  }

  private void loadYaml(String yaml) throws Exception {
    PluginHelper.getRoutesLoader(context)
        .loadRoutes(ResourceHelper.fromString("eventsource.yaml", yaml));
  }

  @Test
  void generatedStyleRouteReceivesArgoEvents() throws Exception {
    loadYaml(
        """
        # EventSource argo-events/webhook
        - route:
            id: eventsource.webhook.example
            from:
              uri: kamelet:webhook-source
              parameters:
                port: "%d"
                endpoint: /example
                method: POST
                maxPayloadSize: 1048576
                metadata: '{"team":"checkout","tier":"1"}'
              steps:
                - to:
                    uri: argo-event:webhook/example
                    parameters:
                      type: webhook
                - to: mock:events
        - route:
            id: eventsource.webhook.secured
            from:
              uri: kamelet:webhook-source
              parameters:
                port: "%d"
                endpoint: /secured
                method: POST
                maxPayloadSize: 64
                authSecret: hook/token
                metadata: 'RAW({"team":"a & b","ratio":"50%%+1","q":"x?y=z"})'
              steps:
                - to: mock:secured
        """
            .formatted(port, port));
    MockEndpoint events = getMockEndpoint("mock:events");
    events.expectedMessageCount(1);
    MockEndpoint secured = getMockEndpoint("mock:secured");
    secured.expectedMessageCount(1);

    HttpResponse<String> response =
        post(
            "http://127.0.0.1:" + port + "/example", "application/json", "{\"message\":\"hello\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("success");

    assertThat(post("http://127.0.0.1:" + port + "/secured", "application/json", "{}").statusCode())
        .isEqualTo(401);
    assertThat(
            send(request("http://127.0.0.1:" + port + "/secured")
                    .header("Authorization", "Bearer t0ken")
                    .POST(BodyPublishers.ofString("{\"padding\":\"" + "x".repeat(64) + "\"}"))
                    .build())
                .statusCode())
        .as("maxPayloadSize from the Kamelet parameter")
        .isEqualTo(400);
    assertThat(
            send(request("http://127.0.0.1:" + port + "/secured")
                    .header("Authorization", "Bearer t0ken")
                    .POST(BodyPublishers.ofString("{}"))
                    .build())
                .statusCode())
        .isEqualTo(200);

    MockEndpoint.assertIsSatisfied(context);
    ArgoEvent event = events.getReceivedExchanges().get(0).getIn().getBody(ArgoEvent.class);
    assertThat(event.source()).isEqualTo("webhook");
    assertThat(event.subject()).isEqualTo("example");
    assertThat(event.type()).isEqualTo("webhook");
    assertThat(event.data().get("body")).isEqualTo(JSON.readTree("{\"message\":\"hello\"}"));
    assertThat(event.data().get("metadata"))
        .isEqualTo(JSON.readTree("{\"team\":\"checkout\",\"tier\":\"1\"}"));
    // Values with URI syntax (&, +, %) pass through when written RAW(...).
    assertThat(
            secured
                .getReceivedExchanges()
                .get(0)
                .getIn()
                .getBody(com.fasterxml.jackson.databind.JsonNode.class)
                .get("metadata"))
        .isEqualTo(JSON.readTree("{\"team\":\"a & b\",\"ratio\":\"50%+1\",\"q\":\"x?y=z\"}"));
    assertThat(event.data().at("/header/Content-Type").toString())
        .isEqualTo("[\"application/json\"]");
  }

  @Test
  void generatedFilterBeanAndStepPublishOnlyWhatTheExpressionAccepts() throws Exception {
    loadYaml(
        """
        # EventSource argo-events/orders (generated shape, mock instead of the bus)
        - beans:
            - name: eventsource.orders.big.filter
              type: caravan:event-source-filter
              properties:
                eventSourceName: orders
                eventName: big
                expression: body.total >= 100 && body.currency == 'EUR'
        - route:
            id: eventsource.orders.big
            from:
              uri: kamelet:webhook-source
              parameters:
                port: "%d"
                endpoint: /big
                method: POST
                maxPayloadSize: 1048576
              steps:
                - filter:
                    method:
                      ref: eventsource.orders.big.filter
                      method: accept
                    steps:
                      - to:
                          uri: argo-event:orders/big
                          parameters:
                            type: webhook
                      - to: mock:big
        """
            .formatted(port));
    MockEndpoint big = getMockEndpoint("mock:big");
    big.expectedMessageCount(1);
    String url = "http://127.0.0.1:" + port + "/big";
    assertThat(post(url, "application/json", "{\"total\":20,\"currency\":\"EUR\"}").body())
        .isEqualTo("success");
    assertThat(post(url, "application/json", "{\"total\":250,\"currency\":\"EUR\"}").body())
        .isEqualTo("success");
    big.assertIsSatisfied();
  }
}
