package io.caravan.controller.workload;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.controller.ControllerOptions;
import io.caravan.controller.common.Children;
import io.caravan.controller.common.EventRecorder;
import io.caravan.controller.common.RouteCompiler;
import io.caravan.controller.common.SpecHash;
import io.caravan.controller.model.ArgoStatus;
import io.caravan.controller.model.RawSpec;
import io.caravan.generator.Diagnostic;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;

/**
 * What an EventSource or Sensor reconcile does: compile, then (only when the compile succeeded and
 * the bus is ready) write the routes ConfigMap, the Deployment and the Service. An update that does
 * not compile leaves the running children untouched (keep last good) and says why in the spec
 * conditions and a Warning Event.
 */
public final class WorkloadReconciliation {

  public static final String DEPLOYED = "Deployed";

  /** The new status and whether to look again later (bus not ready, API error). */
  public record Outcome(ArgoStatus status, boolean retry) {}

  private final ControllerOptions options;
  private final RouteCompiler compiler = new RouteCompiler();
  private final EventRecorder events;
  private final Children children;
  private final BusResolver buses;

  public WorkloadReconciliation(KubernetesClient client, ControllerOptions options) {
    this.options = options;
    this.events = new EventRecorder(client);
    this.children = new Children(client);
    this.buses = new BusResolver(client);
  }

  public Outcome reconcile(
      CustomResource<RawSpec, ArgoStatus> cr, WorkloadKind kind, List<SpecConditions> specs) {
    ArgoStatus old = cr.getStatus() == null ? new ArgoStatus() : cr.getStatus();
    ArgoStatus status = copy(old);
    status.setObservedGeneration(cr.getMetadata().getGeneration());
    if (status.condition(DEPLOYED).isEmpty()) {
      status.setUnknown(DEPLOYED);
    }
    RouteCompiler.Result result = compiler.compile(cr);
    List<Diagnostic> unclaimed = new ArrayList<>(result.errors());
    for (SpecConditions spec : specs) {
      List<Diagnostic> mine =
          spec.paths().isEmpty()
              ? List.copyOf(unclaimed)
              : unclaimed.stream()
                  .filter(
                      d -> d.path() != null && spec.paths().stream().anyMatch(d.path()::startsWith))
                  .toList();
      unclaimed.removeAll(mine);
      status.set(
          spec.type(),
          mine.isEmpty(),
          mine.isEmpty() ? null : spec.reason(),
          mine.isEmpty() ? null : join(mine));
    }
    if (!result.ok()) {
      String message = join(result.errors());
      if (!status.sameAs(old)) {
        events.warning(
            cr,
            "InvalidSpec",
            (status.getLastGoodGeneration() == null
                    ? ""
                    : "keeping the routes of generation " + status.getLastGoodGeneration() + ": ")
                + message);
      }
      return new Outcome(status, false);
    }
    JsonNode spec = Serialization.jsonMapper().valueToTree(cr.getSpec().getFields());
    BusResolver.Resolution bus =
        buses.resolve(
            cr.getMetadata().getNamespace(), BusResolver.busName(cr.getSpec().get("eventBusName")));
    if (!bus.ok()) {
      status.set(DEPLOYED, false, bus.reason(), bus.message());
      return new Outcome(status, true);
    }
    String routesHash = SpecHash.text(result.yaml());
    Deployment deployment;
    try {
      deployment =
          RuntimeDeploymentDependent.desired(cr, kind, spec, bus.connection(), options, routesHash);
    } catch (IllegalArgumentException e) {
      // A spec.template that is not a valid pod customisation (e.g. affinity: "x"): say so, write
      // nothing.
      String message = "spec.template: " + firstLine(e.getMessage());
      status.set(DEPLOYED, false, "BuildDeploymentSpecFailed", message);
      if (!status.sameAs(old)) {
        events.warning(cr, "BuildDeploymentSpecFailed", message);
      }
      return new Outcome(status, false);
    }
    String step = "ConfigMap";
    try {
      ConfigMap routes = RoutesConfigMapDependent.desired(cr, kind, result.yaml());
      children.apply(cr, routes);
      step = "Deployment";
      children.apply(cr, deployment);
      step = "Service";
      Service service = ServiceDependent.desired(cr, kind, spec);
      if (service != null) {
        children.apply(cr, service);
      } else {
        children.delete(
            Service.class,
            cr.getMetadata().getNamespace(),
            kind.serviceName(cr.getMetadata().getName()));
      }
    } catch (KubernetesClientException e) {
      status.set(DEPLOYED, false, "Update" + step + "Failed", e.getMessage());
      events.warning(cr, "Update" + step + "Failed", e.getMessage());
      return new Outcome(status, true);
    }
    status.set(DEPLOYED, true, "Deployed", null);
    status.setLastGoodGeneration(cr.getMetadata().getGeneration());
    status.setRoutesHash(routesHash);
    if (old.getLastGoodGeneration() == null || !routesHash.equals(old.getRoutesHash())) {
      events.normal(cr, "Deployed", "routes " + routesHash.substring(0, 12) + " deployed");
    }
    return new Outcome(status, false);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String join(List<Diagnostic> diagnostics) {
    return String.join(
        "; ",
        diagnostics.stream()
            .map(
                d ->
                    d.path() == null || d.path().isEmpty()
                        ? d.message()
                        : d.path() + ": " + d.message())
            .toList());
  }

  private static ArgoStatus copy(ArgoStatus old) {
    ArgoStatus status = new ArgoStatus();
    status.setConditions(old.getConditions());
    status.setLastGoodGeneration(old.getLastGoodGeneration());
    status.setRoutesHash(old.getRoutesHash());
    status.setObservedGeneration(old.getObservedGeneration());
    return status;
  }
}
