package io.caravan.controller.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;

/**
 * The Service of an EventSource with {@code spec.service} ({@code <name>-eventsource-svc}, as
 * Argo).
 */
public final class ServiceDependent {

  @SuppressWarnings("deprecation")
  private static final ObjectMapper MAPPER = Serialization.jsonMapper();

  private ServiceDependent() {}

  /** The desired Service, or null when the spec has no {@code service}. */
  public static Service desired(HasMetadata owner, WorkloadKind kind, JsonNode spec) {
    JsonNode service = spec.get("service");
    if (service == null || !service.isObject()) {
      return null;
    }
    String name = owner.getMetadata().getName();
    List<ServicePort> ports =
        service.has("ports")
            ? MAPPER.convertValue(
                service.get("ports"),
                TypeFactory.defaultInstance()
                    .constructCollectionType(List.class, ServicePort.class))
            : List.of();
    ServiceBuilder builder =
        new ServiceBuilder()
            .withNewMetadata()
            .withName(kind.serviceName(name))
            .withNamespace(owner.getMetadata().getNamespace())
            .withLabels(kind.labels(name))
            .withAnnotations(
                service.has("metadata") && service.get("metadata").has("annotations")
                    ? MAPPER.convertValue(
                        service.get("metadata").get("annotations"),
                        TypeFactory.defaultInstance()
                            .constructMapType(java.util.Map.class, String.class, String.class))
                    : null)
            .endMetadata()
            .withNewSpec()
            .withSelector(kind.labels(name))
            .withPorts(ports)
            .endSpec();
    Service desired = builder.build();
    if (service.hasNonNull("clusterIP")) {
      desired.getSpec().setClusterIP(service.get("clusterIP").asText());
    }
    return desired;
  }
}
