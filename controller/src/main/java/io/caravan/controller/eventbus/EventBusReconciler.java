package io.caravan.controller.eventbus;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.controller.ControllerOptions;
import io.caravan.controller.common.EventRecorder;
import io.caravan.controller.common.Informers;
import io.caravan.controller.common.Labels;
import io.caravan.controller.common.Reconcilers;
import io.caravan.controller.common.RouteCompiler;
import io.caravan.controller.model.ArgoStatus;
import io.caravan.controller.model.EventBusResource;
import io.caravan.controller.model.EventSourceResource;
import io.caravan.controller.model.SensorResource;
import io.caravan.controller.workload.BusResolver;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;
import java.util.stream.Stream;

/**
 * EventBus → managed JetStream objects ({@code jetstream}) or just the resolved connection ({@code
 * jetstreamExotic}) in {@code status.config}; {@code kafka} only resolved into {@code
 * status.config.kafka}; {@code nats} is refused with a {@code Configured=False} condition. Deletion
 * waits (finalizer) while an EventSource or Sensor uses it.
 */
@ControllerConfiguration(name = Labels.EVENTBUS_CONTROLLER)
public class EventBusReconciler implements Reconciler<EventBusResource>, Cleaner<EventBusResource> {

  static final String CONFIGURED = "Configured";
  static final String DEPLOYED = "Deployed";

  private final KubernetesClient client;
  private final RouteCompiler compiler = new RouteCompiler();
  private final EventBusInstaller installer;
  private final EventRecorder events;

  public EventBusReconciler(KubernetesClient client, ControllerOptions options) {
    this.client = client;
    this.installer = new EventBusInstaller(client, options);
    this.events = new EventRecorder(client);
  }

  @Override
  public UpdateControl<EventBusResource> reconcile(
      EventBusResource bus, Context<EventBusResource> context) {
    ArgoStatus old = bus.getStatus() == null ? new ArgoStatus() : bus.getStatus();
    ArgoStatus status = new ArgoStatus();
    status.setConditions(old.getConditions());
    status.setConfig(old.getConfig());
    status.setObservedGeneration(bus.getMetadata().getGeneration());
    RouteCompiler.Result result = compiler.compile(bus);
    if (!result.ok()) {
      String message = result.errorMessage(List.of());
      status.set(CONFIGURED, false, "InvalidSpec", message);
      if (status.condition(DEPLOYED).isEmpty()) {
        status.setUnknown(DEPLOYED);
      }
      if (!status.sameAs(old)) {
        events.warning(bus, "InvalidSpec", message);
      }
      return Reconcilers.control(bus, status, false);
    }
    JsonNode spec = Serialization.jsonMapper().valueToTree(bus.getSpec().getFields());
    try {
      if (spec.has("jetstream")) {
        status.setConfig(installer.installJetStream(bus, spec.get("jetstream")));
        status.set(DEPLOYED, true, "Succeeded", "JetStream is deployed");
      } else if (spec.has("kafka")) {
        status.setConfig(kafkaConfig(bus, spec.get("kafka")));
        status.set(DEPLOYED, true, "Skipped", "Skip deployment because of using exotic config.");
      } else {
        status.setConfig(installer.exotic(spec.get("jetstreamExotic")));
        status.set(DEPLOYED, true, "Skipped", "Skip deployment because of using exotic config.");
      }
      status.set(CONFIGURED, true, "Succeeded", null);
    } catch (IllegalArgumentException e) {
      status.set(
          CONFIGURED, false, "InvalidSpec", "spec.jetstream.streamConfig: " + e.getMessage());
      return Reconcilers.control(bus, status, false);
    } catch (KubernetesClientException e) {
      status.set(DEPLOYED, false, "JetStreamStatefulSetFailed", e.getMessage());
      events.warning(bus, "JetStreamStatefulSetFailed", e.getMessage());
      return Reconcilers.control(bus, status, true);
    }
    return Reconcilers.control(bus, status, false);
  }

  /** {@code status.config.kafka}: the brokers and the topic (Argo's default topic name). */
  static java.util.Map<String, Object> kafkaConfig(EventBusResource bus, JsonNode kafka) {
    String topic = kafka.path("topic").asText("");
    if (topic.isBlank()) {
      topic = bus.getMetadata().getNamespace() + "-" + bus.getMetadata().getName();
    }
    return java.util.Map.of(
        "kafka", java.util.Map.of("url", kafka.path("url").asText(), "topic", topic));
  }

  @Override
  public DeleteControl cleanup(EventBusResource bus, Context<EventBusResource> context) {
    List<String> users = users(bus);
    if (users.isEmpty()) {
      return DeleteControl.defaultDelete();
    }
    events.warning(bus, "DeletionBlocked", "EventBus is still used by " + String.join(", ", users));
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(Reconcilers.RETRY.toMillis());
  }

  /** {@code Kind/name} of every EventSource and Sensor of the namespace that names this bus. */
  List<String> users(EventBusResource bus) {
    String ns = bus.getMetadata().getNamespace();
    String name = bus.getMetadata().getName();
    return Stream.concat(
            client.resources(EventSourceResource.class).inNamespace(ns).list().getItems().stream(),
            client.resources(SensorResource.class).inNamespace(ns).list().getItems().stream())
        .filter(r -> r.getMetadata().getDeletionTimestamp() == null)
        .filter(
            r ->
                BusResolver.busName(r.getSpec() == null ? null : r.getSpec().get("eventBusName"))
                    .equals(name))
        .map(r -> r.getKind() + "/" + r.getMetadata().getName())
        .sorted()
        .toList();
  }

  @Override
  public ErrorStatusUpdateControl<EventBusResource> updateErrorStatus(
      EventBusResource resource, Context<EventBusResource> context, Exception error) {
    return Reconcilers.errorStatus(resource, DEPLOYED, error);
  }

  @Override
  public List<EventSource<?, EventBusResource>> prepareEventSources(
      EventSourceContext<EventBusResource> context) {
    String controller = Labels.EVENTBUS_CONTROLLER;
    return List.of(
        Informers.owned(StatefulSet.class, EventBusResource.class, controller, context),
        Informers.owned(Service.class, EventBusResource.class, controller, context),
        Informers.owned(ConfigMap.class, EventBusResource.class, controller, context),
        Informers.owned(Secret.class, EventBusResource.class, controller, context));
  }
}
