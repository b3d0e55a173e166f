package io.caravan.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.controller.model.EventBusResource;
import io.caravan.controller.model.SensorResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventBusReconcilerTest {

  static MockCluster cluster;

  @BeforeAll
  static void start() {
    cluster = MockCluster.shared();
  }

  @Test
  @SuppressWarnings("unchecked")
  void managedJetStreamGetsServerObjectsAndPublishesItsConnection() {
    String ns = cluster.namespace("js");
    EventBusResource bus =
        cluster.create(
            ns,
            EventBusResource.class,
            """
        apiVersion: argoproj.io/v1alpha1
        kind: EventBus
        metadata:
          name: default
        spec:
          jetstream:
            version: latest
            replicas: 3
            persistence:
              storageClassName: fast
              volumeSize: 5Gi
            streamConfig: |
              maxAge: 24h
        """);
    EventBusResource ready =
        cluster.awaitCondition(EventBusResource.class, ns, "default", "Deployed", "True");
    assertThat(MockCluster.condition(ready, "Configured").orElseThrow().getStatus())
        .isEqualTo("True");
    Map<String, Object> js = (Map<String, Object>) ready.getStatus().getConfig().get("jetstream");
    assertThat(js)
        .containsEntry("url", "nats://eventbus-default-js-svc." + ns + ".svc:4222")
        .containsEntry(
            "accessSecret",
            Map.of("name", "eventbus-default-js-client-auth", "key", "client-auth"));
    assertThat((String) js.get("streamConfig"))
        .contains("maxAge: 24h", "maxMsgs: 50000", "duplicates: 300s");

    Map<String, String> labels =
        Map.of(
            "controller",
            "eventbus-controller",
            "eventbus-name",
            "default",
            "owner-name",
            "default");
    StatefulSet sts =
        cluster
            .client()
            .apps()
            .statefulSets()
            .inNamespace(ns)
            .withName("eventbus-default-js")
            .get();
    assertThat(sts.getMetadata().getLabels()).containsAllEntriesOf(labels);
    assertThat(sts.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(ref -> assertThat(ref.getUid()).isEqualTo(bus.getMetadata().getUid()));
    assertThat(sts.getSpec().getReplicas()).isEqualTo(3);
    assertThat(sts.getSpec().getVolumeClaimTemplates())
        .singleElement()
        .satisfies(pvc -> assertThat(pvc.getSpec().getStorageClassName()).isEqualTo("fast"));
    assertThat(
            cluster
                .client()
                .services()
                .inNamespace(ns)
                .withName("eventbus-default-js-svc")
                .get()
                .getSpec()
                .getClusterIP())
        .isEqualTo("None");
    String conf =
        cluster
            .client()
            .configMaps()
            .inNamespace(ns)
            .withName("eventbus-default-js-config")
            .get()
            .getData()
            .get("nats-js");
    assertThat(conf).contains("jetstream {", "cluster {", "include ./auth.conf");
    Secret client =
        cluster
            .client()
            .secrets()
            .inNamespace(ns)
            .withName("eventbus-default-js-client-auth")
            .get();
    String auth = client.getStringData().get("client-auth");
    assertThat(auth).startsWith("username: caravan\npassword: ");
    assertThat(
            cluster
                .client()
                .secrets()
                .inNamespace(ns)
                .withName("eventbus-default-js-server")
                .get()
                .getStringData()
                .get("auth"))
        .contains(auth.substring(auth.indexOf("password: ") + 10).trim());

    // A spec change keeps the generated password.
    cluster.edit(
        EventBusResource.class,
        ns,
        "default",
        b -> {
          ((Map<String, Object>) b.getSpec().get("jetstream")).put("maxPayload", "2MB");
          return b;
        });
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                cluster
                    .client()
                    .configMaps()
                    .inNamespace(ns)
                    .withName("eventbus-default-js-config")
                    .get()
                    .getData()
                    .get("nats-js")
                    .contains("max_payload: 2MB"));
    assertThat(
            cluster
                .client()
                .secrets()
                .inNamespace(ns)
                .withName("eventbus-default-js-client-auth")
                .get()
                .getStringData()
                .get("client-auth"))
        .isEqualTo(auth);
  }

  @Test
  @SuppressWarnings("unchecked")
  void exoticJetStreamIsOnlyResolved() {
    String ns = cluster.namespace("exotic");
    cluster.create(
        ns,
        EventBusResource.class,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: EventBus
        metadata:
          name: external
        spec:
          jetstreamExotic:
            url: nats://nats.example:4222
            accessSecret:
              name: nats-auth
              key: auth.yaml
        """);
    EventBusResource ready =
        cluster.awaitCondition(EventBusResource.class, ns, "external", "Deployed", "True");
    assertThat(MockCluster.condition(ready, "Deployed").orElseThrow().getReason())
        .isEqualTo("Skipped");
    Map<String, Object> js = (Map<String, Object>) ready.getStatus().getConfig().get("jetstream");
    assertThat(js)
        .containsEntry("url", "nats://nats.example:4222")
        .containsEntry("accessSecret", Map.of("name", "nats-auth", "key", "auth.yaml"));
    assertThat(cluster.client().apps().statefulSets().inNamespace(ns).list().getItems()).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void kafkaBusIsOnlyResolvedWithArgosDefaultTopic() {
    String ns = cluster.namespace("kafkabus");
    cluster.create(
        ns,
        EventBusResource.class,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: EventBus
        metadata:
          name: default
        spec:
          kafka:
            url: kafka-0:9092,kafka-1:9092
        """);
    EventBusResource ready =
        cluster.awaitCondition(EventBusResource.class, ns, "default", "Deployed", "True");
    assertThat(MockCluster.condition(ready, "Deployed").orElseThrow().getReason())
        .isEqualTo("Skipped");
    assertThat((Map<String, Object>) ready.getStatus().getConfig().get("kafka"))
        .containsEntry("url", "kafka-0:9092,kafka-1:9092")
        .containsEntry("topic", ns + "-default");
    assertThat(
            new io.caravan.controller.workload.BusResolver(cluster.client())
                .resolve(ns, "default")
                .connection()
                .url())
        .isEqualTo("kafka://kafka-0:9092,kafka-1:9092?topic=" + ns + "-default");
    assertThat(cluster.client().apps().statefulSets().inNamespace(ns).list().getItems()).isEmpty();
  }

  @Test
  void kafkaTlsAndNatsStreamingBusesAreRefusedWithTheirFieldPath() {
    String ns = cluster.namespace("refused");
    cluster.create(
        ns,
        EventBusResource.class,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: EventBus
        metadata:
          name: kafka
        spec:
          kafka:
            url: kafka:9092
            tls:
              caCertSecret: {name: kafka-ca, key: ca.crt}
        """);
    cluster.create(
        ns,
        EventBusResource.class,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: EventBus
        metadata:
          name: stan
        spec:
          nats:
            native:
              auth: token
        """);
    var kafka =
        MockCluster.condition(
                cluster.awaitCondition(EventBusResource.class, ns, "kafka", "Configured", "False"),
                "Configured")
            .orElseThrow();
    assertThat(kafka.getReason()).isEqualTo("InvalidSpec");
    assertThat(kafka.getMessage()).startsWith("spec.kafka.tls: unsupported:");
    var stan =
        MockCluster.condition(
                cluster.awaitCondition(EventBusResource.class, ns, "stan", "Configured", "False"),
                "Configured")
            .orElseThrow();
    assertThat(stan.getMessage()).startsWith("spec.nats: unsupported:").contains("use jetstream");
    assertThat(cluster.client().apps().statefulSets().inNamespace(ns).list().getItems()).isEmpty();
  }

  @Test
  void deletionWaitsWhileASensorUsesTheBus() {
    String ns = cluster.namespace("inuse");
    cluster.create(ns, EventBusResource.class, Fixtures.JETSTREAM_BUS);
    cluster.awaitCondition(EventBusResource.class, ns, "default", "Deployed", "True");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                !cluster
                    .get(EventBusResource.class, ns, "default")
                    .getMetadata()
                    .getFinalizers()
                    .isEmpty());
    assertThat(cluster.get(EventBusResource.class, ns, "default").getMetadata().getFinalizers())
        .containsExactly("eventbus.argoproj.io/finalizer");
    cluster.create(ns, SensorResource.class, Fixtures.logSensor("user", "hooks"));
    cluster.awaitCondition(SensorResource.class, ns, "user", "Deployed", "True");

    cluster.client().resources(EventBusResource.class).inNamespace(ns).withName("default").delete();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                cluster.client().v1().events().inNamespace(ns).list().getItems().stream()
                    .anyMatch(
                        e ->
                            "DeletionBlocked".equals(e.getReason())
                                && e.getMessage().contains("Sensor/user")));
    EventBusResource blocked = cluster.get(EventBusResource.class, ns, "default");
    assertThat(blocked).isNotNull();
    assertThat(blocked.getMetadata().getDeletionTimestamp()).isNotNull();

    cluster.client().resources(SensorResource.class).inNamespace(ns).withName("user").delete();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> cluster.get(EventBusResource.class, ns, "default") == null);
  }
}
