package io.caravan.routes.source.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.testing.TestContexts;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * RBAC as in Argo: a 403 on the list is reported clearly — error log, the forbidden counter, one
 * Warning Event on the EventSource — and retried with a backoff (the mock API server in
 * expectations mode answers every list with 403).
 */
@EnableKubernetesMockClient(https = false, crud = false)
class ResourceAccessTest {
  static KubernetesClient client;
  static KubernetesMockServer server;

  @Test
  void aForbiddenListIsReportedOnceAsAWarningEventCountedAndRetried() throws Exception {
    server
        .expect()
        .get()
        .withPath("/apis/argoproj.io/v1alpha1/namespaces/ci/workflows")
        .andReturn(
            403,
            new StatusBuilder()
                .withCode(403)
                .withReason("Forbidden")
                .withMessage(
                    "workflows.argoproj.io is forbidden: User \"system:serviceaccount:ci:default\""
                        + " cannot list resource \"workflows\"")
                .build())
        .always();
    server
        .expect()
        .post()
        .withPath("/api/v1/namespaces/events-ns/events")
        .andReturn(201, "{\"metadata\":{\"name\":\"watcher.1\"}}")
        .always();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (CamelContext camel = TestContexts.create()) {
      camel.getRegistry().bind("kubernetesClient", client);
      camel.getRegistry().bind("progress", new InMemoryResourceProgressStore());
      camel.getRegistry().bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(registry, "events-ns"));
      camel.getComponent("argo-resource", ResourceSourceComponent.class).setNamespace("events-ns");
      camel.addRoutes(
          new RouteBuilder() {
            @Override
            public void configure() {
              from("argo-resource:watcher/wf?eventSourceName=watcher&eventName=wf"
                      + "&group=argoproj.io&version=v1alpha1&resource=workflows&namespace=ci"
                      + "&eventTypes=ADD")
                  .to("log:never");
            }
          });
      camel.start();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> lists() >= 3); // retried: 200 ms, 400 ms, …
      double forbidden =
          registry
              .get("caravan_resource_watch_forbidden")
              .tag("eventsource_name", "watcher")
              .tag("event_name", "wf")
              .counter()
              .count();
      assertThat(forbidden).isGreaterThanOrEqualTo(3);
      List<RecordedRequest> events = posts("/api/v1/namespaces/events-ns/events");
      assertThat(events).hasSize(1);
      String event = events.get(0).getBody().readUtf8();
      assertThat(event)
          .contains("\"type\":\"Warning\"")
          .contains("\"reason\":\"ResourceWatchForbidden\"")
          .contains("\"kind\":\"EventSource\"")
          .contains("\"name\":\"watcher\"")
          .contains("argoproj.io/v1alpha1/workflows in namespace ci")
          .contains("needs get, list and watch");
    }
  }

  private int lists() throws InterruptedException {
    return (int) recorded().stream().filter(r -> r.getMethod().equals("GET")).count();
  }

  private List<RecordedRequest> posts(String path) throws InterruptedException {
    return recorded().stream()
        .filter(r -> r.getMethod().equals("POST") && r.getPath().startsWith(path))
        .toList();
  }

  private final List<RecordedRequest> taken = new ArrayList<>();

  private synchronized List<RecordedRequest> recorded() throws InterruptedException {
    RecordedRequest next;
    while ((next = server.takeRequest(1, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
      taken.add(next);
    }
    return List.copyOf(taken);
  }
}
