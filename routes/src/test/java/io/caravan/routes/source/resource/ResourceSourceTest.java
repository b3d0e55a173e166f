package io.caravan.routes.source.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.routes.event.ExchangeKeys;
import io.caravan.routes.testing.TestContexts;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resource source on the fabric8 CRUD mock API server: Argo's ADD/UPDATE/DELETE and data, its
 * filters, and — beyond Argo — progress kept across restarts so that each change made while the
 * source was down arrives exactly once.
 */
@EnableKubernetesMockClient(https = false, crud = true)
class ResourceSourceTest {
  static KubernetesClient client;

  /** One event as the route saw it. */
  record Seen(String type, String name, JsonNode data, String id) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void clean() {
    client.configMaps().inNamespace("ops").delete();
    client.configMaps().inNamespace("other").delete();
    await().until(() -> client.configMaps().inNamespace("ops").list().getItems().isEmpty());
  }

  @Test
  void firstStartAddsEveryObjectThenWatchesWithArgosData() throws Exception {
    configMap("ops", "existing", Map.of("v", "1"));
    String uri =
        "argo-resource:es/cm?eventSourceName=es&eventName=cm&version=v1&resource=configmaps"
            + "&namespace=ops&eventTypes=ADD,UPDATE,DELETE&metadata=RAW({\"team\":\"a\"})";
    try (CamelContext camel = context(uri, new InMemoryResourceProgressStore(), null)) {
      camel.start();
      awaitEvents(1);
      assertThat(seen.get(0).type()).isEqualTo("ADD");
      JsonNode data = seen.get(0).data();
      assertThat(data.fieldNames())
          .toIterable()
          .containsExactly("type", "body", "oldBody", "group", "version", "resource", "metadata");
      assertThat(data.path("body").path("metadata").path("name").asText()).isEqualTo("existing");
      assertThat(data.path("oldBody").isNull()).isTrue();
      assertThat(data.path("group").asText()).isEmpty();
      assertThat(data.path("version").asText()).isEqualTo("v1");
      assertThat(data.path("resource").asText()).isEqualTo("configmaps");
      assertThat(data.path("metadata").path("team").asText()).isEqualTo("a");
      awaitWatching(camel);

      configMap("ops", "existing", Map.of("v", "2"));
      configMap("ops", "fresh", Map.of("v", "1"));
      client.configMaps().inNamespace("ops").withName("existing").delete();
      configMap("other", "elsewhere", Map.of("v", "1")); // another namespace: not watched
      awaitEvents(4);
      assertThat(seen).extracting(Seen::type).containsExactly("ADD", "UPDATE", "ADD", "DELETE");
      JsonNode update = seen.get(1).data();
      assertThat(update.at("/body/data/v").asText()).isEqualTo("2");
      assertThat(update.at("/oldBody/data/v").asText()).isEqualTo("1");
      assertThat(seen.get(3).name()).isEqualTo("existing");
      assertThat(seen)
          .extracting(Seen::id)
          .doesNotHaveDuplicates()
          .allMatch(id -> id.startsWith("es:cm:"));
    }
  }

  /**
   * The done-when case: the source is stopped, objects are added, modified and deleted, and on the
   * restart each change arrives exactly once (ADD, UPDATE, DELETE), the unchanged object not at
   * all; the live watch then goes on.
   */
  @Test
  void changesWhileStoppedArriveExactlyOnceAfterARestart(@TempDir Path dir) throws Exception {
    configMap("ops", "kept", Map.of("v", "1"));
    configMap("ops", "modified", Map.of("v", "1"));
    configMap("ops", "removed", Map.of("v", "1"));
    String uri =
        "argo-resource:es/cm?eventSourceName=es&eventName=cm&version=v1&resource=configmaps"
            + "&namespace=ops&eventTypes=ADD,UPDATE,DELETE";
    try (CamelContext first = context(uri, new FileResourceProgressStore(dir), null)) {
      first.start();
      awaitEvents(3);
      awaitWatching(first);
    }
    assertThat(seen).extracting(Seen::type).containsOnly("ADD");
    seen.clear();

    configMap("ops", "added", Map.of("v", "1"));
    configMap("ops", "modified", Map.of("v", "2"));
    client.configMaps().inNamespace("ops").withName("removed").delete();

    try (CamelContext second = context(uri, new FileResourceProgressStore(dir), null)) {
      second.start();
      awaitWatching(second);
      assertThat(seen)
          .extracting(Seen::type, Seen::name)
          .containsExactlyInAnyOrder(
              tuple("ADD", "added"), tuple("UPDATE", "modified"), tuple("DELETE", "removed"));
      Seen deleted = seen.stream().filter(s -> s.type().equals("DELETE")).findFirst().orElseThrow();
      // DIFFERS: the body of an object deleted while the source was down is what the snapshot knew
      assertThat(deleted.data().at("/body/metadata/namespace").asText()).isEqualTo("ops");
      assertThat(deleted.data().at("/body/metadata/uid").asText()).isNotEmpty();
      assertThat(deleted.data().at("/body/kind").asText()).isEqualTo("ConfigMap");
      configMap("ops", "kept", Map.of("v", "2"));
      awaitEvents(4);
      assertThat(seen.get(3).type()).isEqualTo("UPDATE");
      assertThat(seen.get(3).data().at("/oldBody/data/v").asText()).isEqualTo("1");
    }
    seen.clear();
    try (CamelContext third = context(uri, new FileResourceProgressStore(dir), null)) {
      third.start();
      awaitWatching(third);
      assertThat(seen).isEmpty(); // nothing changed: nothing announced again
    }
  }

  @Test
  void anEventTheRouteFailsOnIsRetriedAndNotRecordedBefore() throws Exception {
    configMap("ops", "first", Map.of("v", "1"));
    AtomicInteger failures = new AtomicInteger(2);
    InMemoryResourceProgressStore store = new InMemoryResourceProgressStore();
    String uri =
        "argo-resource:es/cm?eventSourceName=es&eventName=cm&version=v1&resource=configmaps"
            + "&namespace=ops&eventTypes=ADD";
    try (CamelContext camel = context(uri, store, failures)) {
      camel.start();
      awaitEvents(1);
      assertThat(failures.get()).isNegative();
      awaitWatching(camel);
      assertThat(ResourceProgress.fromJson(store.load("es", "cm")).objects())
          .containsOnlyKeys("ops/first");
    }
  }

  @Test
  void argosFiltersAndEventTypesApply() throws Exception {
    String fields = "[{\"key\":\"data.mode\",\"operation\":\"==\",\"value\":\"blue|green\"}]";
    String uri =
        "argo-resource:es/cm?eventSourceName=es&eventName=cm&version=v1&resource=configmaps"
            + "&namespace=ops&eventTypes=ADD,DELETE&prefix=app-&labelSelector=tier=backend"
            + "&fields=RAW("
            + fields
            + ")";
    try (CamelContext camel = context(uri, new InMemoryResourceProgressStore(), null)) {
      camel.start();
      awaitWatching(camel);
      labelled("app-blue", "backend", "blue");
      labelled("app-red", "backend", "red"); // field filter
      labelled("web-green", "backend", "green"); // prefix
      labelled("app-green", "frontend", "green"); // label selector
      labelled("app-green2", "backend", "light-green"); // unanchored regex: passes
      labelled("app-blue", "backend", "blue-2"); // UPDATE not asked for
      client.configMaps().inNamespace("ops").withName("app-blue").delete();
      awaitEvents(3);
      assertThat(seen)
          .extracting(Seen::type, Seen::name)
          .containsExactly(
              tuple("ADD", "app-blue"), tuple("ADD", "app-green2"), tuple("DELETE", "app-blue"));
    }
  }

  private void labelled(String name, String tier, String mode) {
    client
        .configMaps()
        .inNamespace("ops")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("tier", tier)
                .endMetadata()
                .addToData("mode", mode)
                .build())
        .createOr(NonDeletingOperation::update);
  }

  static void configMap(String namespace, String name, Map<String, String> data) {
    ConfigMap existing = client.configMaps().inNamespace(namespace).withName(name).get();
    if (existing == null) {
      client
          .configMaps()
          .inNamespace(namespace)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .endMetadata()
                  .withData(data)
                  .build())
          .create();
    } else {
      client
          .configMaps()
          .inNamespace(namespace)
          .withName(name)
          .edit(map -> new ConfigMapBuilder(map).withData(data).build());
    }
  }

  private void awaitEvents(int count) {
    await().atMost(Duration.ofSeconds(15)).until(() -> seen.size() >= count);
  }

  static void awaitWatching(CamelContext camel) {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                camel.getRoutes().stream()
                    .map(route -> route.getConsumer())
                    .filter(ResourceSourceConsumer.class::isInstance)
                    .map(ResourceSourceConsumer.class::cast)
                    .allMatch(ResourceSourceConsumer::isWatching));
  }

  private CamelContext context(String uri, ResourceProgressStore store, AtomicInteger failures)
      throws Exception {
    CamelContext camel = TestContexts.create();
    camel.getRegistry().bind("kubernetesClient", client);
    camel.getRegistry().bind("progress", store);
    camel.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from(uri)
                .routeId("resource")
                .process(
                    exchange -> {
                      if (failures != null && failures.getAndDecrement() > 0) {
                        throw new IllegalStateException("bus is down");
                      }
                      JsonNode data = exchange.getIn().getBody(JsonNode.class);
                      seen.add(
                          new Seen(
                              data.path("type").asText(),
                              data.at("/body/metadata/name").asText(),
                              data,
                              exchange.getIn().getHeader(ExchangeKeys.EVENT_ID, String.class)));
                    });
          }
        });
    return camel;
  }
}
