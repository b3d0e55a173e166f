package io.caravan.routes.source.resource;

import io.caravan.routes.metrics.ArgoMetrics;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.Counter;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a 403 on list or watch clearly: an error log naming the verbs and resource the service
 * account lacks (first refusal and every 10th), the counter {@code
 * caravan_resource_watch_forbidden_total{eventsource_name,event_name}}, and one Warning Event on
 * the EventSource per outage (when the API server takes it).
 */
final class ResourceAccess {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceAccess.class);
  static final String REASON = "ResourceWatchForbidden";

  private final ResourceSourceEndpoint endpoint;
  private final KubernetesClient client;
  private final Counter forbidden;
  private int refusals;

  ResourceAccess(ResourceSourceEndpoint endpoint, KubernetesClient client, ArgoMetrics metrics) {
    this.endpoint = endpoint;
    this.client = client;
    this.forbidden =
        Counter.builder("caravan_resource_watch_forbidden")
            .description("list/watch calls of a resource event the API server refused with 403")
            .tags(
                "eventsource_name",
                endpoint.getEventSourceName(),
                "event_name",
                endpoint.getEventName())
            .register(metrics.registry());
  }

  /** The list and the watch were allowed (again). */
  void allowed() {
    if (refusals > 0) {
      LOG.info("argo-resource {}: access to {} granted again", endpoint.getName(), endpoint.gvr());
    }
    refusals = 0;
  }

  void forbidden(KubernetesClientException e) {
    refusals++;
    forbidden.increment();
    String where =
        endpoint.getNamespace() == null || endpoint.getNamespace().isBlank()
            ? "in all namespaces"
            : "in namespace " + endpoint.getNamespace();
    String message =
        "forbidden to list/watch "
            + endpoint.gvr()
            + " "
            + where
            + ": the EventSource's service account needs get, list and watch on it ("
            + (e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage())
            + ")";
    if (refusals == 1 || refusals % 10 == 0) {
      LOG.error(
          "argo-resource {}: {}; retrying ({} refusal(s))", endpoint.getName(), message, refusals);
    }
    if (refusals == 1) {
      warningEvent(message);
    }
  }

  int refusals() {
    return refusals;
  }

  private void warningEvent(String message) {
    String namespace = endpoint.getComponent().eventSourceNamespace();
    String now = Instant.now().toString();
    try {
      client
          .v1()
          .events()
          .inNamespace(namespace)
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withGenerateName(endpoint.getEventSourceName() + ".")
                  .withNamespace(namespace)
                  .endMetadata()
                  .withInvolvedObject(
                      new ObjectReferenceBuilder()
                          .withApiVersion("argoproj.io/v1alpha1")
                          .withKind("EventSource")
                          .withName(endpoint.getEventSourceName())
                          .withNamespace(namespace)
                          .build())
                  .withType("Warning")
                  .withReason(REASON)
                  .withMessage(endpoint.getEventName() + ": " + message)
                  .withFirstTimestamp(now)
                  .withLastTimestamp(now)
                  .withCount(1)
                  .withNewSource()
                  .withComponent("caravan")
                  .endSource()
                  .build())
          .create();
    } catch (RuntimeException failure) {
      LOG.debug("argo-resource {}: no Warning Event: {}", endpoint.getName(), failure.toString());
    }
  }
}
