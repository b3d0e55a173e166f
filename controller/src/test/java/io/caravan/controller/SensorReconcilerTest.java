package io.caravan.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.controller.model.EventBusResource;
import io.caravan.controller.model.SensorResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SensorReconcilerTest {

  static MockCluster cluster;

  @BeforeAll
  static void start() {
    cluster = MockCluster.shared();
  }

  @Test
  @SuppressWarnings("unchecked")
  void createUpdateKeepLastGoodAndDelete() {
    String ns = cluster.namespace("sensor");
    cluster.create(ns, EventBusResource.class, Fixtures.JETSTREAM_BUS);
    SensorResource sensor =
        cluster.create(ns, SensorResource.class, Fixtures.logSensor("watcher", "hooks"));
    SensorResource ready =
        cluster.awaitCondition(SensorResource.class, ns, "watcher", "Deployed", "True");
    assertThat(ready.getStatus().getConditions())
        .extracting(c -> c.getType() + "=" + c.getStatus())
        .containsExactly("DependenciesProvided=True", "Deployed=True", "TriggersProvided=True");

    Map<String, String> labels =
        Map.of(
            "controller", "sensor-controller", "sensor-name", "watcher", "owner-name", "watcher");
    ConfigMap routes =
        cluster.client().configMaps().inNamespace(ns).withName("watcher-sensor-routes").get();
    assertThat(routes.getData().get("routes.yaml"))
        .contains("# Sensor " + ns + "/watcher", "uri: eventbus:hooks/deploy");
    assertThat(routes.getMetadata().getLabels()).containsAllEntriesOf(labels);
    Deployment deployment =
        cluster.client().apps().deployments().inNamespace(ns).withName("watcher-sensor").get();
    assertThat(deployment.getMetadata().getLabels()).containsAllEntriesOf(labels);
    assertThat(deployment.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            ref -> {
              assertThat(ref.getKind()).isEqualTo("Sensor");
              assertThat(ref.getUid()).isEqualTo(sensor.getMetadata().getUid());
            });
    assertThat(cluster.client().services().inNamespace(ns).withName("watcher-sensor-svc").get())
        .isNull();

    // Update: a second dependency name changes the routes.
    cluster.edit(
        SensorResource.class,
        ns,
        "watcher",
        s -> {
          ((Map<String, Object>) ((List<Object>) s.getSpec().get("dependencies")).get(0))
              .put("eventName", "release");
          return s;
        });
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                cluster
                    .client()
                    .configMaps()
                    .inNamespace(ns)
                    .withName("watcher-sensor-routes")
                    .get()
                    .getData()
                    .get("routes.yaml")
                    .contains("eventbus:hooks/release"));
    String good =
        cluster
            .client()
            .configMaps()
            .inNamespace(ns)
            .withName("watcher-sensor-routes")
            .get()
            .getData()
            .get("routes.yaml");

    // An update with a trigger Caravan cannot run: the last good routes stay, TriggersProvided says
    // why.
    cluster.edit(
        SensorResource.class,
        ns,
        "watcher",
        s -> {
          Map<String, Object> template =
              (Map<String, Object>)
                  ((Map<String, Object>) ((List<Object>) s.getSpec().get("triggers")).get(0))
                      .get("template");
          template.remove("log");
          template.put("http", Map.of("url", "http://x", "method", "FETCH"));
          return s;
        });
    SensorResource failed =
        cluster.awaitCondition(SensorResource.class, ns, "watcher", "TriggersProvided", "False");
    var condition = MockCluster.condition(failed, "TriggersProvided").orElseThrow();
    assertThat(condition.getReason()).isEqualTo("InvalidTriggers");
    assertThat(condition.getMessage()).contains("spec.triggers[0].template.http.method");
    assertThat(MockCluster.condition(failed, "DependenciesProvided").orElseThrow().getStatus())
        .isEqualTo("True");
    assertThat(
            cluster
                .client()
                .configMaps()
                .inNamespace(ns)
                .withName("watcher-sensor-routes")
                .get()
                .getData()
                .get("routes.yaml"))
        .isEqualTo(good);

    cluster.client().resources(SensorResource.class).inNamespace(ns).withName("watcher").delete();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> cluster.get(SensorResource.class, ns, "watcher") == null);
  }
}
