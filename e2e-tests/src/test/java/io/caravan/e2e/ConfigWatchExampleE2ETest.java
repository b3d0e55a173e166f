package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.e2e.support.Caravan;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.source.resource.JetStreamResourceProgressStore;
import io.caravan.routes.source.resource.ResourceSourceComponent;
import io.caravan.routes.testing.NatsServerExtension;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.nats.client.Connection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * examples/config-watch as written, over a real JetStream and the fabric8 mock API server (CRUD
 * mode): an update of shop-settings merge-patches the shop Deployment's pod template with the
 * ConfigMap's resourceVersion; an update of another ConfigMap does nothing; a change made while the
 * runtime was stopped is applied exactly once after the restart (the progress in the bus's KV
 * store).
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ConfigWatchExampleE2ETest {
  private static final Path EXAMPLE =
      Path.of(System.getProperty("caravan.repo.dir", ".."), "examples", "config-watch");
  private static final String DEPLOYMENT_PATH = "/apis/apps/v1/namespaces/shop/deployments/shop";

  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  static KubernetesClient client;
  static KubernetesMockServer server;

  private final List<RecordedRequest> requests = new ArrayList<>();

  @Test
  void aSettingsChangeRollsTheDeploymentOnceAcrossARestart() throws Exception {
    client
        .apps()
        .deployments()
        .inNamespace("shop")
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("shop")
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "shop")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("shop")
                .withImage("shop:1.0")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    settings("shop-settings", "theme", "light");
    settings("shop-flags", "beta", "off");

    try (CaravanRuntime runtime = start()) {
      awaitWatching(runtime);
      String version = settings("shop-settings", "theme", "dark");
      settings("shop-flags", "beta", "on"); // not shop-settings: filtered out
      awaitConfigVersion(version);
      assertThat(client.apps().deployments().inNamespace("shop").withName("shop").get().getSpec())
          .satisfies(spec -> assertThat(spec.getReplicas()).isEqualTo(2));
    }
    assertThat(patches()).isEqualTo(1);

    String whileDown = settings("shop-settings", "theme", "blue");
    try (CaravanRuntime runtime = start()) {
      awaitConfigVersion(whileDown);
      awaitWatching(runtime);
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(5))
          .until(this::patches, count -> count == 2);
    }
    try (CaravanRuntime runtime = start()) {
      awaitWatching(runtime);
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(5))
          .until(this::patches, count -> count == 2); // nothing changed: nothing rolled
    }
    try (Connection nats = NATS.connect()) {
      // the progress is in the bus's KV store
      assertThat(nats.keyValue(JetStreamResourceProgressStore.BUCKET).get("config-watch.settings"))
          .isNotNull();
    }
  }

  private CaravanRuntime start() throws Exception {
    return Caravan.manifests(
            "file:" + EXAMPLE.resolve("eventsource.yaml"), "file:" + EXAMPLE.resolve("sensor.yaml"))
        .bus(NATS.url())
        .kubernetes(client)
        .camelProperty("camel.component.argo-resource.namespace", "shop")
        .start();
  }

  private static void awaitWatching(CaravanRuntime runtime) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                runtime
                    .camelContext()
                    .getComponent("argo-resource", ResourceSourceComponent.class)
                    .isWatching());
  }

  private void awaitConfigVersion(String version) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Deployment shop =
                  client.apps().deployments().inNamespace("shop").withName("shop").get();
              Map<String, String> annotations =
                  shop.getSpec().getTemplate().getMetadata().getAnnotations();
              return annotations != null && version.equals(annotations.get("config-version"));
            });
  }

  /** Sets one key of a settings ConfigMap (labelled app=shop); returns its new resourceVersion. */
  private static String settings(String name, String key, String value) {
    return client
        .configMaps()
        .inNamespace("shop")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("app", "shop")
                .endMetadata()
                .addToData(key, value)
                .build())
        .createOr(NonDeletingOperation::update)
        .getMetadata()
        .getResourceVersion();
  }

  private synchronized int patches() throws InterruptedException {
    RecordedRequest next;
    while ((next = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
      requests.add(next);
    }
    return (int)
        requests.stream()
            .filter(r -> r.getMethod().equals("PATCH") && r.getPath().startsWith(DEPLOYMENT_PATH))
            .count();
  }
}
