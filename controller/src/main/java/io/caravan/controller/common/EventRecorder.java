package io.caravan.controller.common;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Kubernetes Events (core/v1) about an object; a failure to write one is only logged. The
 * same event again (same object, type, reason and message) increments {@code count} of the existing
 * Event instead of adding one, as Kubernetes' own recorders aggregate.
 */
public final class EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  public static final String COMPONENT = "caravan-controller";

  private final KubernetesClient client;

  public EventRecorder(KubernetesClient client) {
    this.client = client;
  }

  public void warning(HasMetadata about, String reason, String message) {
    record(about, "Warning", reason, message);
  }

  public void normal(HasMetadata about, String reason, String message) {
    record(about, "Normal", reason, message);
  }

  private void record(HasMetadata about, String type, String reason, String message) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    String key = about.getMetadata().getUid() + "|" + type + "|" + reason + "|" + message;
    String name =
        (about.getMetadata().getName() + "." + SpecHash.text(key).substring(0, 16))
            .toLowerCase(Locale.ROOT);
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(about.getMetadata().getNamespace())
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion(about.getApiVersion())
            .withKind(about.getKind())
            .withName(about.getMetadata().getName())
            .withNamespace(about.getMetadata().getNamespace())
            .withUid(about.getMetadata().getUid())
            .withResourceVersion(about.getMetadata().getResourceVersion())
            .endInvolvedObject()
            .withType(type)
            .withReason(reason)
            .withMessage(message.length() > 1000 ? message.substring(0, 1000) + "…" : message)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .build();
    try {
      var existing =
          client.v1().events().inNamespace(about.getMetadata().getNamespace()).withName(name);
      if (existing.get() == null) {
        client
            .v1()
            .events()
            .inNamespace(about.getMetadata().getNamespace())
            .resource(event)
            .create();
      } else {
        existing.edit(
            e -> {
              e.setCount(e.getCount() == null ? 2 : e.getCount() + 1);
              e.setLastTimestamp(now);
              return e;
            });
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "Could not record event {} on {}/{}: {}",
          reason,
          about.getKind(),
          about.getMetadata().getName(),
          e.getMessage());
    }
  }
}
