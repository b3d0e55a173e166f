package io.caravan.controller.common;

import io.caravan.controller.model.ArgoStatus;
import io.caravan.controller.model.RawSpec;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;

/** Turns a computed status into JOSDK's answer: patch the status only when it changed. */
public final class Reconcilers {

  /** How soon an object waiting for something (its bus, the API server) is looked at again. */
  public static final Duration RETRY = Duration.ofSeconds(10);

  private Reconcilers() {}

  public static <P extends CustomResource<RawSpec, ArgoStatus>> UpdateControl<P> control(
      P resource, ArgoStatus status, boolean retry) {
    UpdateControl<P> control;
    if (status.sameAs(resource.getStatus())) {
      control = UpdateControl.noUpdate();
    } else {
      resource.setStatus(status);
      control = UpdateControl.patchStatus(resource);
    }
    return retry ? control.rescheduleAfter(RETRY) : control;
  }

  /**
   * What an unexpected failure of a reconcile leaves in the status: {@code condition} False with
   * reason {@code ReconcileFailed} and the error's message (JOSDK retries with backoff).
   */
  public static <P extends CustomResource<RawSpec, ArgoStatus>>
      ErrorStatusUpdateControl<P> errorStatus(P resource, String condition, Exception error) {
    ArgoStatus status = new ArgoStatus();
    if (resource.getStatus() != null) {
      status.setConditions(resource.getStatus().getConditions());
      status.setConfig(resource.getStatus().getConfig());
      status.setLastGoodGeneration(resource.getStatus().getLastGoodGeneration());
      status.setRoutesHash(resource.getStatus().getRoutesHash());
      status.setObservedGeneration(resource.getStatus().getObservedGeneration());
    }
    String message =
        error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    status.set(condition, false, "ReconcileFailed", message);
    resource.setStatus(status);
    return ErrorStatusUpdateControl.patchStatus(resource);
  }
}
