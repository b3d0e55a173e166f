package io.caravan.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.controller.metrics.HttpEndpoints;
import io.caravan.controller.model.EventBusResource;
import io.caravan.controller.model.EventSourceResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ControllerMetricsTest {

  @Test
  void metricsAndHealthAreServedOverHttp() throws Exception {
    MockCluster cluster = MockCluster.shared();
    String ns = cluster.namespace("metrics");
    cluster.create(ns, EventBusResource.class, Fixtures.JETSTREAM_BUS);
    cluster.create(ns, EventSourceResource.class, Fixtures.webhookSource("counted", "/x"));
    cluster.awaitCondition(EventSourceResource.class, ns, "counted", "Deployed", "True");

    try (HttpEndpoints endpoints =
        new HttpEndpoints()
            .metrics(0, cluster.metrics()::scrape)
            .health(0, () -> cluster.operator().getRuntimeInfo().allEventSourcesAreHealthy())
            .start()) {
      HttpClient http = HttpClient.newHttpClient();
      String metrics =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + endpoints.port(0) + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(metrics)
          .containsPattern("caravan_controller_reconcile_total\\{kind=\"EventSource\"} [1-9]")
          .contains("caravan_controller_reconcile_duration_seconds_count{kind=\"EventSource\"}")
          .containsPattern(
              "caravan_controller_resources\\{kind=\"EventSource\",status=\"ready\"} [1-9]")
          .contains("caravan_controller_resources{kind=\"EventBus\",status=\"ready\"}");
      HttpResponse<String> ready =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + endpoints.port(1) + "/readyz"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(
              http.send(
                      HttpRequest.newBuilder(
                              URI.create("http://127.0.0.1:" + endpoints.port(1) + "/healthz"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(200);
    }
  }
}
