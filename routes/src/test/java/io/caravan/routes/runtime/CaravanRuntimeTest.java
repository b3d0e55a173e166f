package io.caravan.routes.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.routes.support.secrets.MapSecretStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;

class CaravanRuntimeTest {
  private static final String RECORDING_ROUTES =
      """
      # EventSource test/recorder
      - beans:
          - name: recorder
            type: io.caravan.routes.runtime.RecordingProcessor
            properties:
              eventSourceName: webhook
              eventName: example
      - route:
          id: eventsource.webhook.example
          description: records one event
          from:
            uri: direct:record
            steps:
              - process:
                  ref: recorder
      """;
  private static final String TEMPLATE_ROUTES =
      """
      - route:
          id: sensor.test.template
          from:
            uri: direct:template
            steps:
              - setBody:
                  constant: '{{ .Input.body.x | default "a:b" }} {{inputs.parameters.message}} {{greeting:hi}}'
      """;

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void runsGeneratedDocumentsAndServesArgoAndCamelMetrics() throws Exception {
    int metricsPort = freePort();
    CaravanRuntime runtime =
        CaravanRuntime.builder()
            .document("eventsource-recorder", RECORDING_ROUTES)
            .document("sensor-template.yaml", TEMPLATE_ROUTES)
            .metricsPort(metricsPort)
            .namespace("argo-events")
            .secretStore(new MapSecretStore().putSecret("auth", "token", "t0k3n"))
            .build();
    try (runtime) {
      runtime.start();
      assertThat(runtime.startupTime()).isLessThan(Duration.ofSeconds(30));
      assertThat(
              runtime
                  .camelContext()
                  .getRouteController()
                  .getRouteStatus("eventsource.webhook.example"))
          .isEqualTo(ServiceStatus.Started);

      var template = runtime.camelContext().createProducerTemplate();
      assertThat(template.requestBody("direct:record", "{}", String.class))
          .isEqualTo("recorded secret=true");
      assertThat(template.requestBody("direct:template", "", String.class))
          .isEqualTo("{{ .Input.body.x | default \"a:b\" }} {{inputs.parameters.message}} hi");

      HttpResponse<String> metrics = get("http://localhost:" + metricsPort + "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> t.startsWith("text/plain"));
      assertThat(metrics.body())
          .contains(
              "argo_events_events_sent_total{event_name=\"example\",eventsource_name=\"webhook\","
                  + "namespace=\"argo-events\"} 1.0")
          .containsPattern(
              "camel_exchanges_total\\{[^}]*routeId=\"eventsource.webhook.example\"[^}]*} 1.0")
          .contains("jvm_memory_used_bytes")
          .doesNotContain("t0k3n");
      assertThat(get("http://localhost:" + metricsPort + "/other").statusCode()).isEqualTo(404);

      RuntimeSummary summary = runtime.summary();
      assertThat(summary.routes())
          .extracting(RuntimeSummary.RouteInfo::id)
          .containsExactly("eventsource.webhook.example", "sensor.test.template");
      assertThat(summary.bus()).isEqualTo("in-memory");
      assertThat(summary.metricsUrl()).isEqualTo("http://localhost:" + metricsPort + "/metrics");
    }
    assertThat(runtime.camelContext()).isNull();
    assertThatThrownBy(() -> get("http://localhost:" + metricsPort + "/metrics"))
        .isInstanceOf(IOException.class);
  }

  @Test
  void summaryListsWebhooksCalendarsAndTriggersOfGeneratedShapes() throws Exception {
    int webhookPort = freePort();
    int metricsPort = freePort();
    String sources =
        """
        - route:
            id: eventsource.orders.created
            from:
              uri: kamelet:webhook-source
              parameters:
                port: "%d"
                endpoint: /orders
                method: PUT
                maxPayloadSize: 1048576
              steps:
                - to:
                    uri: argo-event:orders/created
                    parameters:
                      type: webhook
                - to:
                    uri: eventbus:orders/created
        - route:
            id: eventsource.clock.weekly
            from:
              uri: kamelet:calendar-source
              parameters:
                name: clock.weekly
                schedule: "0 9 * * 1"
                timezone: Europe/Paris
              steps:
                - to:
                    uri: argo-event:clock/weekly
                    parameters:
                      type: calendar
                - to:
                    uri: eventbus:clock/weekly
        """
            .formatted(webhookPort);
    String sensor =
        """
        - route:
            id: sensor.shop.notify.order
            from:
              uri: eventbus:orders/created
              parameters:
                durableName: group-1
                sensorName: shop
                triggerName: notify
                dependencyName: order
              steps:
                - to: direct:sensor.shop.notify
        - route:
            id: sensor.shop.notify
            routePolicy: triggerMetrics
            description: trigger 'notify' (http) when order
            from:
              uri: direct:sensor.shop.notify
              steps:
                - to:
                    uri: kamelet:http-sink
                    parameters:
                      url: http://localhost:1/hook
                      method: POST
                      timeoutSeconds: 60
        """;
    try (CaravanRuntime runtime =
        CaravanRuntime.builder()
            .document("eventsource-shop", sources)
            .document("sensor-shop", sensor)
            .metricsPort(metricsPort)
            .namespace("ns")
            .busUrl(null)
            .build()) {
      runtime.start();
      RuntimeSummary summary = runtime.summary();
      assertThat(summary.sources())
          .containsExactlyInAnyOrder(
              new RuntimeSummary.Source(
                  "eventsource.orders.created",
                  "Webhooks",
                  "PUT    http://localhost:" + webhookPort + "/orders"),
              new RuntimeSummary.Source(
                  "eventsource.clock.weekly", "Calendars", "schedule '0 9 * * 1' (Europe/Paris)"));
      assertThat(summary.triggers())
          .containsExactly(
              new RuntimeSummary.Trigger(
                  "sensor.shop.notify",
                  "shop",
                  "notify",
                  java.util.List.of("order (orders/created)"),
                  "http-sink",
                  "POST http://localhost:1/hook",
                  "trigger 'notify' (http) when order"));
      assertThat(get("http://localhost:" + metricsPort + "/metrics").body())
          .contains(
              "argo_events_action_triggered_total{namespace=\"ns\",sensor_name=\"shop\",trigger_name=\"notify\"} 0.0");
    }
  }

  @Test
  void metricsPortZeroServesNothing() throws Exception {
    try (CaravanRuntime runtime =
        CaravanRuntime.builder().document("t", TEMPLATE_ROUTES).metricsPort(0).build()) {
      runtime.start();
      assertThat(runtime.metricsPort()).isZero();
      assertThat(runtime.summary().metricsUrl()).isNull();
      assertThat(runtime.argoMetrics()).isNotNull();
    }
  }

  @Test
  void brokenDocumentFailsStartNamingTheDocumentAndReleasesThePort() throws Exception {
    int metricsPort = freePort();
    CaravanRuntime runtime =
        CaravanRuntime.builder()
            .document("broken-doc", "- route:\n    from:\n      uri: nosuchcomponent:x\n")
            .metricsPort(metricsPort)
            .build();
    assertThatThrownBy(runtime::start).hasStackTraceContaining("nosuchcomponent");
    assertThat(runtime.camelContext()).isNull();
    try (ServerSocket again = new ServerSocket(metricsPort)) {
      assertThat(again.getLocalPort()).isEqualTo(metricsPort);
    }
  }
}
