package io.caravan.controller.sensor;

import io.caravan.controller.ControllerOptions;
import io.caravan.controller.common.Informers;
import io.caravan.controller.common.Labels;
import io.caravan.controller.common.Reconcilers;
import io.caravan.controller.model.SensorResource;
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

/** Sensor → routes ConfigMap, Deployment. */
@ControllerConfiguration(name = Labels.SENSOR_CONTROLLER)
public class SensorReconciler implements Reconciler<SensorResource> {

  /**
   * Argo's conditions: findings under {@code spec.triggers} make {@code TriggersProvided} False,
   * every other finding (dependencies, event bus, template) {@code DependenciesProvided}.
   */
  static final List<SpecConditions> CONDITIONS =
      List.of(
          new SpecConditions("TriggersProvided", "InvalidTriggers", List.of("spec.triggers")),
          new SpecConditions("DependenciesProvided", "InvalidDependencies", List.of()));

  private final WorkloadReconciliation workload;

  public SensorReconciler(KubernetesClient client, ControllerOptions options) {
    this.workload = new WorkloadReconciliation(client, options);
  }

  @Override
  public UpdateControl<SensorResource> reconcile(
      SensorResource sensor, Context<SensorResource> context) {
    WorkloadReconciliation.Outcome outcome =
        workload.reconcile(sensor, WorkloadKind.SENSOR, CONDITIONS);
    return Reconcilers.control(sensor, outcome.status(), outcome.retry());
  }

  @Override
  public ErrorStatusUpdateControl<SensorResource> updateErrorStatus(
      SensorResource resource, Context<SensorResource> context, Exception error) {
    return Reconcilers.errorStatus(resource, WorkloadReconciliation.DEPLOYED, error);
  }

  @Override
  public List<EventSource<?, SensorResource>> prepareEventSources(
      EventSourceContext<SensorResource> context) {
    String controller = Labels.SENSOR_CONTROLLER;
    return List.of(
        Informers.owned(Deployment.class, SensorResource.class, controller, context),
        Informers.owned(ConfigMap.class, SensorResource.class, controller, context),
        Informers.owned(Service.class, SensorResource.class, controller, context),
        Informers.buses(SensorResource.class, context));
  }
}
