package io.caravan.controller.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.controller.MockCluster;
import io.caravan.controller.model.EventBusResource;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRecorderTest {

  @Test
  void theSameEventAgainIsCountedNotDuplicated() {
    MockCluster cluster = MockCluster.shared();
    String ns = cluster.namespace("events");
    EventBusResource bus = new EventBusResource();
    bus.setMetadata(
        new ObjectMetaBuilder().withName("bus").withNamespace(ns).withUid("u-1").build());
    EventRecorder recorder = new EventRecorder(cluster.client());

    recorder.warning(bus, "DeletionBlocked", "EventBus is still used by Sensor/s");
    recorder.warning(bus, "DeletionBlocked", "EventBus is still used by Sensor/s");
    recorder.normal(bus, "Deployed", "other");

    List<Event> events = cluster.client().v1().events().inNamespace(ns).list().getItems();
    assertThat(events).hasSize(2);
    Event blocked =
        events.stream()
            .filter(e -> "DeletionBlocked".equals(e.getReason()))
            .findFirst()
            .orElseThrow();
    assertThat(blocked.getCount()).isEqualTo(2);
    assertThat(blocked.getType()).isEqualTo("Warning");
    assertThat(blocked.getInvolvedObject().getKind()).isEqualTo("EventBus");
    assertThat(blocked.getInvolvedObject().getName()).isEqualTo("bus");
    assertThat(blocked.getSource().getComponent()).isEqualTo("caravan-controller");
  }
}
