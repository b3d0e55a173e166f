package io.caravan.controller.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.controller.model.ArgoStatus;
import io.caravan.controller.model.EventSourceResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import org.junit.jupiter.api.Test;

class ReconcilersTest {

  private static EventSourceResource source() {
    EventSourceResource source = new EventSourceResource();
    source.setMetadata(
        new ObjectMetaBuilder().withName("es").withNamespace("ns").withGeneration(3L).build());
    return source;
  }

  @Test
  void unexpectedFailureBecomesAFalseConditionKeepingTheRest() {
    EventSourceResource source = source();
    ArgoStatus status = new ArgoStatus();
    status.set("SourcesProvided", true, null, null);
    status.setLastGoodGeneration(2L);
    source.setStatus(status);
    var control =
        Reconcilers.errorStatus(
            source, "Deployed", new IllegalStateException("API server said no"));
    ArgoStatus written = control.getResource().orElseThrow().getStatus();
    assertThat(written.condition("Deployed").orElseThrow().toString())
        .isEqualTo("Deployed=False (ReconcileFailed): API server said no");
    assertThat(written.condition("SourcesProvided").orElseThrow().isTrue()).isTrue();
    assertThat(written.getLastGoodGeneration()).isEqualTo(2L);
  }

  @Test
  void statusIsPatchedOnlyWhenItChanged() {
    EventSourceResource source = source();
    ArgoStatus status = new ArgoStatus();
    status.set("Deployed", true, "Deployed", null);
    UpdateControl<EventSourceResource> first = Reconcilers.control(source, status, false);
    assertThat(first.isPatchStatus()).isTrue();
    ArgoStatus same = new ArgoStatus();
    same.set("Deployed", true, "Deployed", null);
    assertThat(Reconcilers.control(source, same, false).isNoUpdate()).isTrue();
    assertThat(Reconcilers.control(source, same, true).getScheduleDelay())
        .hasValue(Reconcilers.RETRY.toMillis());
  }
}
