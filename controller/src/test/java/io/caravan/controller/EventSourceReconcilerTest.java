package io.caravan.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.controller.common.Labels;
import io.caravan.controller.model.EventBusResource;
import io.caravan.controller.model.EventSourceResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventSourceReconcilerTest {

  static MockCluster cluster;

  @BeforeAll
  static void start() {
    cluster = MockCluster.shared();
  }

  private String namespaceWithBus() {
    String ns = cluster.namespace("es");
    cluster.create(ns, EventBusResource.class, Fixtures.JETSTREAM_BUS);
    cluster.awaitCondition(EventBusResource.class, ns, "default", "Deployed", "True");
    return ns;
  }

  private Deployment deployment(String ns, String name) {
    return cluster
        .client()
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName(name + "-eventsource")
        .get();
  }

  @Test
  void createsRoutesConfigMapDeploymentAndServiceOwnedAndLabelled() {
    String ns = namespaceWithBus();
    EventSourceResource source =
        cluster.create(ns, EventSourceResource.class, Fixtures.webhookSource("hooks", "/deploy"));
    EventSourceResource ready =
        cluster.awaitCondition(EventSourceResource.class, ns, "hooks", "Deployed", "True");
    assertThat(MockCluster.condition(ready, "SourcesProvided").orElseThrow().getStatus())
        .isEqualTo("True");
    assertThat(ready.getStatus().isReady()).isTrue();
    assertThat(ready.getStatus().getLastGoodGeneration())
        .isEqualTo(ready.getMetadata().getGeneration());

    Map<String, String> labels =
        Map.of(
            "controller",
            "eventsource-controller",
            "eventsource-name",
            "hooks",
            "owner-name",
            "hooks");
    ConfigMap routes =
        cluster.client().configMaps().inNamespace(ns).withName("hooks-eventsource-routes").get();
    assertThat(routes.getData().get("routes.yaml"))
        .contains(
            "id: eventsource.hooks.deploy", "endpoint: /deploy", "authSecret: webhook-token/token");
    assertThat(routes.getMetadata().getLabels()).containsAllEntriesOf(labels);
    assertOwnedBy(routes.getMetadata().getOwnerReferences(), source);

    Deployment deployment = deployment(ns, "hooks");
    assertThat(deployment.getMetadata().getLabels()).containsAllEntriesOf(labels);
    assertThat(deployment.getMetadata().getAnnotations()).containsKey(Labels.SPEC_HASH);
    assertOwnedBy(deployment.getMetadata().getOwnerReferences(), source);
    assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(labels);
    var pod = deployment.getSpec().getTemplate().getSpec();
    Container main = pod.getContainers().get(0);
    assertThat(main.getImage()).isEqualTo(MockCluster.RUNTIME_IMAGE);
    assertThat(main.getArgs())
        .containsExactly("serve", "/etc/caravan/routes", "--secrets-dir", "/argo-events");
    assertThat(main.getEnv())
        .extracting(EnvVar::getName)
        .contains(
            "CARAVAN_BUS_URL",
            "CARAVAN_NAMESPACE",
            "CARAVAN_BUS_AUTH_FILE",
            "CARAVAN_BUS_STREAM_CONFIG",
            "EXTRA");
    assertThat(main.getEnv())
        .filteredOn(e -> e.getName().equals("CARAVAN_BUS_URL"))
        .extracting(EnvVar::getValue)
        .containsExactly("nats://eventbus-default-js-svc." + ns + ".svc:4222");
    assertThat(main.getVolumeMounts())
        .extracting(m -> m.getMountPath())
        .contains(
            "/etc/caravan/routes", "/etc/eventbus/auth", "/argo-events/secrets/webhook-token");
    assertThat(main.getResources().getLimits()).containsKey("memory");
    assertThat(pod.getServiceAccountName()).isEqualTo("events-sa");
    assertThat(pod.getPriorityClassName()).isEqualTo("platform-events");
    assertThat(pod.getNodeSelector()).containsEntry("pool", "events");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsKey(Labels.ROUTES_HASH);

    Service service =
        cluster.client().services().inNamespace(ns).withName("hooks-eventsource-svc").get();
    assertThat(service.getSpec().getSelector()).isEqualTo(labels);
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(12000);
    assertOwnedBy(service.getMetadata().getOwnerReferences(), source);
  }

  @Test
  void calendarEventSourcePodsElectALeaderAndWebhookOnlyOnesDoNot() {
    String ns = namespaceWithBus();
    cluster.create(ns, EventSourceResource.class, Fixtures.calendarSource("ticker"));
    cluster.create(ns, EventSourceResource.class, Fixtures.webhookSource("plainhooks", "/x"));
    cluster.awaitCondition(EventSourceResource.class, ns, "ticker", "Deployed", "True");
    cluster.awaitCondition(EventSourceResource.class, ns, "plainhooks", "Deployed", "True");

    Deployment calendar = deployment(ns, "ticker");
    assertThat(calendar.getSpec().getReplicas()).isEqualTo(2);
    List<EnvVar> env = calendar.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    assertThat(env)
        .filteredOn(e -> e.getName().equals("CARAVAN_LEADER_LEASE"))
        .extracting(EnvVar::getValue)
        .containsExactly("eventsource-ticker");
    assertThat(env)
        .filteredOn(e -> e.getName().equals("POD_NAME"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getValueFrom().getFieldRef().getFieldPath())
                    .isEqualTo("metadata.name"));
    assertThat(
            cluster
                .client()
                .configMaps()
                .inNamespace(ns)
                .withName("ticker-eventsource-routes")
                .get()
                .getData()
                .get("routes.yaml"))
        .contains("routePolicy: eventSourceLeader");

    Container hooks =
        deployment(ns, "plainhooks").getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(hooks.getEnv())
        .extracting(EnvVar::getName)
        .doesNotContain("CARAVAN_LEADER_LEASE", "POD_NAME");
    assertThat(
            cluster
                .client()
                .configMaps()
                .inNamespace(ns)
                .withName("plainhooks-eventsource-routes")
                .get()
                .getData()
                .get("routes.yaml"))
        .doesNotContain("routePolicy");
  }

  @Test
  void updateRollsPodsOnlyWhenRoutesChange() {
    String ns = namespaceWithBus();
    cluster.create(ns, EventSourceResource.class, Fixtures.webhookSource("rolling", "/one"));
    cluster.awaitCondition(EventSourceResource.class, ns, "rolling", "Deployed", "True");
    Deployment first = deployment(ns, "rolling");
    String firstHash =
        first.getSpec().getTemplate().getMetadata().getAnnotations().get(Labels.ROUTES_HASH);

    // A label on the EventSource is no spec change: the Deployment is not written again.
    cluster.edit(
        EventSourceResource.class,
        ns,
        "rolling",
        es -> {
          es.getMetadata().setLabels(Map.of("team", "a"));
          return es;
        });
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(
            () ->
                deployment(ns, "rolling")
                    .getMetadata()
                    .getResourceVersion()
                    .equals(first.getMetadata().getResourceVersion()));

    cluster.edit(
        EventSourceResource.class,
        ns,
        "rolling",
        es -> {
          ((Map<String, Object>)
                  ((Map<String, Object>)
                      ((Map<String, Object>) es.getSpec().get("webhook")).get("deploy")))
              .put("endpoint", "/two");
          return es;
        });
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                !firstHash.equals(
                    deployment(ns, "rolling")
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getAnnotations()
                        .get(Labels.ROUTES_HASH)));
    assertThat(
            cluster
                .client()
                .configMaps()
                .inNamespace(ns)
                .withName("rolling-eventsource-routes")
                .get()
                .getData()
                .get("routes.yaml"))
        .contains("endpoint: /two");
  }

  @Test
  @SuppressWarnings("unchecked")
  void updateThatDoesNotCompileKeepsTheRunningRoutes() {
    String ns = namespaceWithBus();
    cluster.create(ns, EventSourceResource.class, Fixtures.webhookSource("lastgood", "/good"));
    cluster.awaitCondition(EventSourceResource.class, ns, "lastgood", "Deployed", "True");
    ConfigMap before =
        cluster.client().configMaps().inNamespace(ns).withName("lastgood-eventsource-routes").get();
    Deployment deploymentBefore = deployment(ns, "lastgood");

    cluster.edit(
        EventSourceResource.class,
        ns,
        "lastgood",
        es -> {
          ((Map<String, Object>) ((Map<String, Object>) es.getSpec().get("webhook")).get("deploy"))
              .put("port", "not-a-port");
          return es;
        });

    EventSourceResource failed =
        cluster.awaitCondition(
            EventSourceResource.class, ns, "lastgood", "SourcesProvided", "False");
    var condition = MockCluster.condition(failed, "SourcesProvided").orElseThrow();
    assertThat(condition.getReason()).isEqualTo("InvalidEventSource");
    assertThat(condition.getMessage()).contains("spec.webhook.deploy.port");
    assertThat(MockCluster.condition(failed, "Deployed").orElseThrow().getStatus())
        .isEqualTo("True");
    assertThat(failed.getStatus().getLastGoodGeneration())
        .isLessThan(failed.getMetadata().getGeneration());

    ConfigMap after =
        cluster.client().configMaps().inNamespace(ns).withName("lastgood-eventsource-routes").get();
    assertThat(after.getData()).isEqualTo(before.getData());
    assertThat(after.getMetadata().getResourceVersion())
        .isEqualTo(before.getMetadata().getResourceVersion());
    assertThat(deployment(ns, "lastgood").getMetadata().getResourceVersion())
        .isEqualTo(deploymentBefore.getMetadata().getResourceVersion());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                cluster.client().v1().events().inNamespace(ns).list().getItems().stream()
                    .anyMatch(
                        e ->
                            "InvalidSpec".equals(e.getReason())
                                && "lastgood".equals(e.getInvolvedObject().getName())
                                && e.getMessage().contains("spec.webhook.deploy.port")));
  }

  @Test
  void waitsForItsEventBusThenDeploys() {
    String ns = cluster.namespace("nobus");
    cluster.create(ns, EventSourceResource.class, Fixtures.webhookSource("early", "/x"));
    EventSourceResource waiting =
        cluster.awaitCondition(EventSourceResource.class, ns, "early", "Deployed", "False");
    assertThat(MockCluster.condition(waiting, "Deployed").orElseThrow().getReason())
        .isEqualTo("EventBusNotFound");
    assertThat(deployment(ns, "early")).isNull();

    cluster.create(ns, EventBusResource.class, Fixtures.JETSTREAM_BUS);
    cluster.awaitCondition(EventSourceResource.class, ns, "early", "Deployed", "True");
    assertThat(deployment(ns, "early")).isNotNull();
  }

  @Test
  void invalidPodTemplateIsReportedNotThrown() {
    String ns = namespaceWithBus();
    cluster.create(
        ns,
        EventSourceResource.class,
        Fixtures.webhookSource("badpod", "/x")
            .replace("nodeSelector:", "affinity: not-an-affinity\n    nodeSelector:"));
    EventSourceResource failed =
        cluster.awaitCondition(EventSourceResource.class, ns, "badpod", "Deployed", "False");
    var deployed = MockCluster.condition(failed, "Deployed").orElseThrow();
    assertThat(deployed.getReason()).isEqualTo("BuildDeploymentSpecFailed");
    assertThat(deployed.getMessage()).startsWith("spec.template: ");
    assertThat(deployment(ns, "badpod")).isNull();
  }

  @Test
  void deleteRemovesTheEventSource() {
    String ns = namespaceWithBus();
    cluster.create(ns, EventSourceResource.class, Fixtures.webhookSource("gone", "/x"));
    cluster.awaitCondition(EventSourceResource.class, ns, "gone", "Deployed", "True");
    cluster.client().resources(EventSourceResource.class).inNamespace(ns).withName("gone").delete();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> cluster.get(EventSourceResource.class, ns, "gone") == null);
    // No finalizer on EventSources: the children go with their owner (garbage collector, by owner
    // reference).
    assertThat(deployment(ns, "gone").getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(ref -> assertThat(ref.getName()).isEqualTo("gone"));
  }

  static void assertOwnedBy(List<OwnerReference> refs, EventSourceResource owner) {
    assertThat(refs)
        .singleElement()
        .satisfies(
            ref -> {
              assertThat(ref.getKind()).isEqualTo("EventSource");
              assertThat(ref.getApiVersion()).isEqualTo("argoproj.io/v1alpha1");
              assertThat(ref.getName()).isEqualTo(owner.getMetadata().getName());
              assertThat(ref.getUid()).isEqualTo(owner.getMetadata().getUid());
              assertThat(ref.getController()).isTrue();
            });
  }
}
