package io.caravan.routes.source.resource;

import static io.caravan.routes.source.resource.ResourceSourceTest.awaitWatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.routes.bus.EventBusComponent;
import io.caravan.routes.testing.NatsServerExtension;
import io.caravan.routes.testing.TestContexts;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.nats.client.Connection;
import io.nats.client.KeyValueManagement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With a JetStream bus the progress is kept in the bus's KV store (bucket caravan-resource, key
 * {@code <eventSource>.<event>}), chosen by the component's default store: a change made while the
 * source was stopped arrives once after the restart, through a real nats-server.
 */
@EnableKubernetesMockClient(https = false, crud = true)
class ResourceBusProgressTest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  static KubernetesClient client;

  private final List<String[]> seen = new CopyOnWriteArrayList<>();

  @Test
  void theProgressIsInTheBusKvStoreAndSurvivesARestart() throws Exception {
    client.configMaps().inNamespace("ops").delete();
    configMap("ops", "a", Map.of("v", "1"));
    String uri =
        "argo-resource:kv/cm?eventSourceName=kv&eventName=cm&version=v1&resource=configmaps"
            + "&namespace=ops&eventTypes=ADD,UPDATE,DELETE";
    try (CamelContext first = context(uri)) {
      first.start();
      awaitWatching(first);
      assertThat(first.getComponent("argo-resource", ResourceSourceComponent.class).progressStore())
          .isInstanceOf(JetStreamResourceProgressStore.class);
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 1);
    }
    configMap("ops", "a", Map.of("v", "2"));
    configMap("ops", "b", Map.of("v", "1"));
    try (CamelContext second = context(uri)) {
      second.start();
      awaitWatching(second);
      assertThat(seen)
          .extracting(s -> s[0], s -> s[1])
          .containsExactly(tuple("ADD", "a"), tuple("UPDATE", "a"), tuple("ADD", "b"));
    }
    try (Connection nats = NATS.connect()) {
      KeyValueManagement management = nats.keyValueManagement();
      assertThat(management.getBucketNames()).contains(JetStreamResourceProgressStore.BUCKET);
      String saved =
          new String(
              nats.keyValue(JetStreamResourceProgressStore.BUCKET).get("kv.cm").getValue(),
              StandardCharsets.UTF_8);
      assertThat(ResourceProgress.fromJson(saved).objects()).containsOnlyKeys("ops/a", "ops/b");
    }
  }

  private static void configMap(String namespace, String name, Map<String, String> data) {
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
        .createOr(NonDeletingOperation::update);
  }

  private CamelContext context(String uri) throws Exception {
    CamelContext camel = TestContexts.create();
    camel.getRegistry().bind("kubernetesClient", client);
    camel.getComponent("eventbus", EventBusComponent.class).setUrl(NATS.url());
    camel.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from(uri)
                .process(
                    exchange -> {
                      JsonNode data = exchange.getIn().getBody(JsonNode.class);
                      seen.add(
                          new String[] {
                            data.path("type").asText(), data.at("/body/metadata/name").asText()
                          });
                    });
          }
        });
    return camel;
  }
}
