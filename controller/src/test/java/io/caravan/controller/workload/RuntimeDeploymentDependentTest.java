package io.caravan.controller.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.controller.ControllerOptions;
import io.caravan.controller.common.Labels;
import io.caravan.controller.model.EventSourceResource;
import io.caravan.controller.model.SensorResource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The desired Deployment, built without a server. */
class RuntimeDeploymentDependentTest {

  private static final BusConnection BUS =
      new BusConnection(
          "nats://bus:4222", "eventbus-default-js-client-auth", "client-auth", "maxMsgs: 10\n");

  private static SensorResource sensor() {
    SensorResource sensor = new SensorResource();
    sensor.setMetadata(new ObjectMetaBuilder().withName("s1").withNamespace("ns").build());
    return sensor;
  }

  private static JsonNode spec(String yaml) throws Exception {
    return new YAMLMapper().readTree(yaml);
  }

  private static Deployment build(String yaml) throws Exception {
    return RuntimeDeploymentDependent.desired(
        sensor(),
        WorkloadKind.SENSOR,
        spec(yaml),
        BUS,
        ControllerOptions.forTests("runtime:1"),
        "abc");
  }

  @Test
  void honoursTheWholePodTemplate() throws Exception {
    Deployment deployment =
        build(
            """
        replicas: 2
        template:
          metadata:
            labels: {team: a}
            annotations: {note: x}
          serviceAccountName: sensor-sa
          priorityClassName: high
          priority: 100
          nodeSelector: {disk: ssd}
          tolerations: [{key: k, operator: Exists}]
          affinity:
            podAntiAffinity:
              preferredDuringSchedulingIgnoredDuringExecution:
                - weight: 1
                  podAffinityTerm: {topologyKey: kubernetes.io/hostname}
          securityContext: {runAsNonRoot: true, fsGroup: 2000}
          imagePullSecrets: [{name: registry}]
          volumes: [{name: extra, emptyDir: {}}]
          container:
            resources: {requests: {cpu: 10m}}
            env: [{name: A, value: b}]
            envFrom: [{configMapRef: {name: env-cm}}]
            volumeMounts: [{name: extra, mountPath: /extra}]
            securityContext: {readOnlyRootFilesystem: true}
            imagePullPolicy: Always
        """);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    var podMeta = deployment.getSpec().getTemplate().getMetadata();
    assertThat(podMeta.getLabels()).containsEntry("team", "a").containsEntry("sensor-name", "s1");
    assertThat(podMeta.getAnnotations())
        .containsEntry("note", "x")
        .containsEntry(Labels.ROUTES_HASH, "abc");
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getServiceAccountName()).isEqualTo("sensor-sa");
    assertThat(pod.getPriorityClassName()).isEqualTo("high");
    assertThat(pod.getPriority()).isEqualTo(100);
    assertThat(pod.getNodeSelector()).containsEntry("disk", "ssd");
    assertThat(pod.getTolerations())
        .singleElement()
        .satisfies(t -> assertThat(t.getKey()).isEqualTo("k"));
    assertThat(pod.getAffinity().getPodAntiAffinity()).isNotNull();
    assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(2000L);
    assertThat(pod.getImagePullSecrets())
        .singleElement()
        .satisfies(r -> assertThat(r.getName()).isEqualTo("registry"));
    assertThat(pod.getVolumes())
        .extracting(Volume::getName)
        .contains("routes", "tmp", "auth-volume", "extra");
    Container main = pod.getContainers().get(0);
    assertThat(main.getImage()).isEqualTo("runtime:1");
    assertThat(main.getImagePullPolicy()).isEqualTo("Always");
    assertThat(main.getResources().getRequests()).containsKey("cpu");
    assertThat(main.getEnv())
        .extracting(EnvVar::getName)
        .containsExactly(
            "CARAVAN_BUS_URL",
            "CARAVAN_NAMESPACE",
            "CARAVAN_BUS_AUTH_FILE",
            "CARAVAN_BUS_STREAM_CONFIG",
            "A");
    assertThat(main.getEnv().get(2).getValue()).isEqualTo("/etc/eventbus/auth/client-auth");
    assertThat(main.getEnvFrom())
        .singleElement()
        .satisfies(e -> assertThat(e.getConfigMapRef().getName()).isEqualTo("env-cm"));
    assertThat(main.getVolumeMounts())
        .extracting(m -> m.getMountPath())
        .contains("/extra", "/etc/caravan/routes");
    assertThat(main.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
  }

  @Test
  void mountsEverySecretAndConfigMapTheSpecNames() throws Exception {
    Deployment deployment =
        build(
            """
        triggers:
          - template:
              name: t
              http:
                url: http://x
                basicAuth:
                  username: {name: creds, key: user}
                  password: {name: creds, key: pass}
              k8s:
                source:
                  configmap: {name: workflow-cm, key: wf}
        template:
          container:
            env:
              - name: FROM_SECRET
                valueFrom: {secretKeyRef: {name: pod-only, key: k}}
        """);
    Container main = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(main.getVolumeMounts())
        .extracting(m -> m.getMountPath())
        .contains("/argo-events/secrets/creds", "/argo-events/config/workflow-cm")
        .doesNotContain("/argo-events/secrets/pod-only");
  }

  @Test
  void sameInputSameDeployment() throws Exception {
    String yaml = "template: {serviceAccountName: a}\n";
    assertThat(build(yaml)).isEqualTo(build(yaml));
  }

  @Test
  void replicasDefaultLikeArgo() {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    assertThat(RuntimeDeploymentDependent.replicas(null)).isEqualTo(1);
    assertThat(RuntimeDeploymentDependent.replicas(json.getNodeFactory().numberNode(0)))
        .isEqualTo(1);
    assertThat(RuntimeDeploymentDependent.replicas(json.getNodeFactory().numberNode(-3)))
        .isEqualTo(1);
    assertThat(RuntimeDeploymentDependent.replicas(json.getNodeFactory().numberNode(2)))
        .isEqualTo(2);
    assertThat(RuntimeDeploymentDependent.replicas(json.getNodeFactory().textNode("many")))
        .isEqualTo(1);
  }

  @Test
  void leaderLeaseOnlyForEventSourcesWithActivePassiveSources() throws Exception {
    JsonNode calendar = spec("replicas: 2\ncalendar: {tick: {interval: 10s}}");
    assertThat(RuntimeDeploymentDependent.leaderLease(WorkloadKind.EVENTSOURCE, "clock", calendar))
        .isEqualTo("eventsource-clock");
    assertThat(
            RuntimeDeploymentDependent.leaderLease(
                WorkloadKind.EVENTSOURCE, "clock", spec("calendar: {tick: {interval: 10s}}")))
        .as("one replica: nothing to elect")
        .isNull();
    assertThat(
            RuntimeDeploymentDependent.leaderLease(
                WorkloadKind.EVENTSOURCE,
                "hooks",
                spec("replicas: 2\nwebhook: {a: {port: \"12000\", endpoint: /a}}")))
        .isNull();
    assertThat(
            RuntimeDeploymentDependent.leaderLease(
                WorkloadKind.EVENTSOURCE, "empty", spec("calendar: {}")))
        .isNull();
    assertThat(RuntimeDeploymentDependent.leaderLease(WorkloadKind.SENSOR, "s1", calendar))
        .isNull();
  }

  @Test
  void podNameFromTheTemplateIsKept() throws Exception {
    EventSourceResource source = new EventSourceResource();
    source.setMetadata(new ObjectMetaBuilder().withName("clock").withNamespace("ns").build());
    Deployment deployment =
        RuntimeDeploymentDependent.desired(
            source,
            WorkloadKind.EVENTSOURCE,
            spec(
                """
        replicas: 3
        calendar: {tick: {interval: 10s}}
        template:
          container:
            env: [{name: POD_NAME, value: fixed}]
        """),
            BUS,
            ControllerOptions.forTests("runtime:1"),
            "abc");
    var env = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    assertThat(env)
        .filteredOn(e -> e.getName().equals("POD_NAME"))
        .extracting(EnvVar::getValue)
        .containsExactly("fixed");
    assertThat(env)
        .filteredOn(e -> e.getName().equals("CARAVAN_LEADER_LEASE"))
        .extracting(EnvVar::getValue)
        .containsExactly("eventsource-clock");
  }
}
