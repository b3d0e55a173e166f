package io.caravan.routes.source.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.routes.testing.TestContexts;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * When the watch ends with 410 Gone the source lists again and diffs against what it announced: the
 * object changed meanwhile is an UPDATE with its old body, the one gone a DELETE with its last
 * body, the new one an ADD (the mock API server in expectations mode answers the first watch with a
 * 410 ERROR event).
 */
@EnableKubernetesMockClient(https = false, crud = false)
class ResourceGoneTest {
  private static final String LIST = "/api/v1/namespaces/ops/configmaps";
  static KubernetesClient client;
  static KubernetesMockServer server;

  @Test
  void aGoneWatchIsFollowedByAListDiffedAgainstTheAnnouncedObjects() throws Exception {
    server
        .expect()
        .get()
        .withPath(LIST)
        .andReturn(200, list("10", map("a", "ua", "5", "1"), map("b", "ub", "6", "1")))
        .once();
    server
        .expect()
        .withPath(LIST + "?allowWatchBookmarks=true&resourceVersion=10&watch=true")
        .andUpgradeToWebSocket()
        .open()
        .waitFor(100)
        .andEmit(
            new WatchEvent(
                new StatusBuilder()
                    .withCode(410)
                    .withReason("Expired")
                    .withMessage("too old")
                    .build(),
                "ERROR"))
        .done()
        .once();
    server
        .expect()
        .get()
        .withPath(LIST)
        .andReturn(200, list("20", map("a", "ua", "15", "2"), map("c", "uc", "16", "1")))
        .once();
    server
        .expect()
        .withPath(LIST + "?allowWatchBookmarks=true&resourceVersion=20&watch=true")
        .andUpgradeToWebSocket()
        .open()
        .done()
        .once();
    List<JsonNode> seen = new CopyOnWriteArrayList<>();
    try (CamelContext camel = TestContexts.create()) {
      camel.getRegistry().bind("kubernetesClient", client);
      camel.getRegistry().bind("progress", new InMemoryResourceProgressStore());
      camel.addRoutes(
          new RouteBuilder() {
            @Override
            public void configure() {
              from("argo-resource:es/cm?eventSourceName=es&eventName=cm&version=v1"
                      + "&resource=configmaps&namespace=ops&eventTypes=ADD,UPDATE,DELETE")
                  .process(exchange -> seen.add(exchange.getIn().getBody(JsonNode.class)));
            }
          });
      camel.start();
      await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() >= 5);
    }
    assertThat(seen)
        .extracting(
            data -> data.path("type").asText(),
            data -> data.at("/body/metadata/name").asText(),
            data -> data.at("/body/data/v").asText(),
            data -> data.at("/oldBody/data/v").asText())
        .containsExactly(
            tuple("ADD", "a", "1", ""),
            tuple("ADD", "b", "1", ""),
            tuple("UPDATE", "a", "2", "1"),
            tuple("ADD", "c", "1", ""),
            tuple("DELETE", "b", "1", ""));
  }

  private static ConfigMap map(String name, String uid, String resourceVersion, String value) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("ops")
        .withUid(uid)
        .withResourceVersion(resourceVersion)
        .endMetadata()
        .addToData("v", value)
        .build();
  }

  private static Object list(String resourceVersion, ConfigMap... items) {
    return new ConfigMapListBuilder()
        .withNewMetadata()
        .withResourceVersion(resourceVersion)
        .endMetadata()
        .withItems(items)
        .build();
  }
}
