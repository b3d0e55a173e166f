package io.caravan.controller.common;

import io.caravan.controller.model.ArgoStatus;
import io.caravan.controller.model.EventBusResource;
import io.caravan.controller.model.RawSpec;
import io.caravan.controller.workload.BusResolver;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * JOSDK event sources shared by the reconcilers: owned children, and the EventBus an object names.
 */
public final class Informers {

  private Informers() {}

  /**
   * Watches children of {@code type} labelled by {@code controller}, mapped back by owner
   * reference.
   */
  public static <R extends HasMetadata, P extends HasMetadata> InformerEventSource<R, P> owned(
      Class<R> type, Class<P> primary, String controller, EventSourceContext<P> context) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(type, primary)
            .withName(type.getSimpleName().toLowerCase(Locale.ROOT) + "-" + controller)
            .withLabelSelector(Labels.CONTROLLER + "=" + controller)
            .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(primary, false))
            .build(),
        context);
  }

  /** Watches EventBuses; a change reconciles every object of the namespace that uses that bus. */
  public static <P extends CustomResource<RawSpec, ArgoStatus>>
      InformerEventSource<EventBusResource, P> buses(
          Class<P> primary, EventSourceContext<P> context) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(EventBusResource.class, primary)
            .withName("eventbus-" + primary.getSimpleName().toLowerCase(Locale.ROOT))
            .withSecondaryToPrimaryMapper(bus -> users(bus, context))
            .build(),
        context);
  }

  private static <P extends CustomResource<RawSpec, ArgoStatus>> Set<ResourceID> users(
      EventBusResource bus, EventSourceContext<P> context) {
    String namespace = bus.getMetadata().getNamespace();
    return context
        .getPrimaryCache()
        .list(namespace)
        .filter(
            p ->
                BusResolver.busName(p.getSpec() == null ? null : p.getSpec().get("eventBusName"))
                    .equals(bus.getMetadata().getName()))
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }
}
