package io.caravan.controller.eventsource;

import io.caravan.controller.ControllerOptions;
import io.caravan.controller.common.Informers;
import io.caravan.controller.common.Labels;
import io.caravan.controller.common.Reconcilers;
import io.caravan.controller.model.EventSourceResource;
import io.caravan.controller.workload.SpecConditions;
import io.caravan.controller.workload.WorkloadKind;
import io.caravan.controller.workload.WorkloadReconciliation;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;

/** EventSource → routes ConfigMap, Deployment and (with {@code spec.service}) Service. */
@ControllerConfiguration(name = Labels.EVENTSOURCE_CONTROLLER)
public class EventSourceReconciler implements Reconciler<EventSourceResource> {

  /** Argo's condition: every finding about the spec makes {@code SourcesProvided} False. */
  static final List<SpecConditions> CONDITIONS =
      List.of(new SpecConditions("SourcesProvided", "InvalidEventSource", List.of()));

  private final WorkloadReconciliation workload;

  public EventSourceReconciler(KubernetesClient client, ControllerOptions options) {
    this.workload = new WorkloadReconciliation(client, options);
  }

  @Override
  public UpdateControl<EventSourceResource> reconcile(
      EventSourceResource source, Context<EventSourceResource> context) {
    WorkloadReconciliation.Outcome outcome =
        workload.reconcile(source, WorkloadKind.EVENTSOURCE, CONDITIONS);
    return Reconcilers.control(source, outcome.status(), outcome.retry());
  }

  @Override
  public ErrorStatusUpdateControl<EventSourceResource> updateErrorStatus(
      EventSourceResource resource, Context<EventSourceResource> context, Exception error) {
    return Reconcilers.errorStatus(resource, WorkloadReconciliation.DEPLOYED, error);
  }

  @Override
  public List<EventSource<?, EventSourceResource>> prepareEventSources(
      EventSourceContext<EventSourceResource> context) {
    String controller = Labels.EVENTSOURCE_CONTROLLER;
    return List.of(
        Informers.owned(Deployment.class, EventSourceResource.class, controller, context),
        Informers.owned(ConfigMap.class, EventSourceResource.class, controller, context),
        Informers.owned(Service.class, EventSourceResource.class, controller, context),
        Informers.buses(EventSourceResource.class, context));
  }
}
