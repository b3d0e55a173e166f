package io.caravan.controller.eventbus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.controller.model.EventBusResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** The JetStream server objects, built without a server. */
class JetStreamDependentsTest {

  private static EventBusResource bus() {
    EventBusResource bus = new EventBusResource();
    bus.setMetadata(new ObjectMetaBuilder().withName("main").withNamespace("ns").build());
    return bus;
  }

  @Test
  void honoursArgosJetStreamPodFields() throws Exception {
    var js =
        new YAMLMapper()
            .readTree(
                """
        version: latest
        replicas: 1
        startArgs: ["-D"]
        metadata:
          labels: {team: a}
          annotations: {note: x}
        containerTemplate:
          resources: {requests: {memory: 128Mi}}
        nodeSelector: {pool: nats}
        tolerations: [{key: dedicated, operator: Exists}]
        priorityClassName: infra
        serviceAccountName: nats-sa
        securityContext: {fsGroup: 1000}
        """);
    StatefulSet sts = JetStreamDependents.statefulSet(bus(), js, 1, "nats:test");
    var pod = sts.getSpec().getTemplate();
    assertThat(pod.getMetadata().getLabels())
        .containsEntry("team", "a")
        .containsEntry("eventbus-name", "main");
    assertThat(pod.getMetadata().getAnnotations()).containsEntry("note", "x");
    assertThat(pod.getSpec().getNodeSelector()).containsEntry("pool", "nats");
    assertThat(pod.getSpec().getTolerations()).hasSize(1);
    assertThat(pod.getSpec().getPriorityClassName()).isEqualTo("infra");
    assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("nats-sa");
    assertThat(pod.getSpec().getSecurityContext().getFsGroup()).isEqualTo(1000L);
    var main = pod.getSpec().getContainers().get(0);
    assertThat(main.getArgs()).containsExactly("--config", "/etc/nats-config/nats-js.conf", "-D");
    assertThat(main.getResources().getRequests()).containsKey("memory");
    assertThat(sts.getSpec().getSelector().getMatchLabels()).doesNotContainKey("team");
  }

  @Test
  void clusterBlockOnlyFromThreeReplicas() throws Exception {
    var js = new YAMLMapper().readTree("{version: latest, settings: 'max_file_store: 10GB'}");
    String single = JetStreamDependents.config(bus(), js, 1).getData().get("nats-js");
    assertThat(single).doesNotContain("cluster {").contains("  max_file_store: 10GB");
    String three = JetStreamDependents.config(bus(), js, 3).getData().get("nats-js");
    assertThat(three)
        .contains("cluster {", "nats://eventbus-main-js-2.eventbus-main-js-svc.ns.svc:6222");
  }
}
