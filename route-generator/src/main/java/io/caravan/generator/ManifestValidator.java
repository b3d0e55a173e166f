package io.caravan.generator;

import io.caravan.api.ArgoResource;
import io.caravan.api.Manifest;
import io.caravan.api.eventbus.EventBus;
import io.caravan.api.eventbus.EventBusSpec;
import io.caravan.api.eventsource.EventSource;
import io.caravan.api.sensor.Sensor;
import io.caravan.generator.sensor.SensorRules;
import io.caravan.generator.source.EventSourceRules;
import io.caravan.generator.support.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an Argo Events resource before generation: unknown fields (errors), features Caravan does
 * not implement yet (unsupported, errors) and Argo's own validation rules: {@link EventSourceRules}
 * (each event by its source type), {@link SensorRules} (each trigger by its trigger type), the
 * EventBus here. Paths are dotted field paths such as {@code spec.triggers[0].template.http.url}.
 */
public final class ManifestValidator {

  /** The field path in a read error such as {@code line 7: spec.x[0].y: expected a number}. */
  private static final Pattern READ_ERROR_PATH =
      Pattern.compile("^(?:line \\d+: )?([\\w.\\[\\]-]+): expected ");

  /** Findings for one resource; empty when it can be generated as written. */
  public List<Diagnostic> validate(ArgoResource resource) {
    List<Diagnostic> out = new ArrayList<>();
    UnknownFields.report(resource, "", out);
    if (resource.getMetadata() == null || Fields.blank(resource.getMetadata().getName())) {
      out.add(Diagnostic.error("metadata.name", "name is required"));
    }
    if (resource.getSpec() == null) {
      out.add(Diagnostic.error("spec", "spec is required"));
      return out;
    }
    if (resource instanceof EventSource source) {
      EventSourceRules.check(source, out);
    } else if (resource instanceof Sensor sensor) {
      SensorRules.check(sensor, out);
    } else if (resource instanceof EventBus bus) {
      eventBus(bus.getSpec(), out);
    }
    return out;
  }

  /**
   * Findings for one read document: its read error (path = the field path when known), or the
   * resource's findings. Documents that are not Argo Events resources (Secrets, ConfigMaps,
   * Workflows…) give none.
   */
  public List<Diagnostic> validate(Manifest manifest) {
    if (manifest.hasError()) {
      Matcher field = READ_ERROR_PATH.matcher(manifest.error());
      return List.of(Diagnostic.error(field.find() ? field.group(1) : "", manifest.error()));
    }
    if (manifest.resource() != null) {
      return validate(manifest.resource());
    }
    return List.of();
  }

  /** The Kafka EventBus (docs/kafka-bus.md): Caravan's own protocol over Argo's fields. */
  private static void kafkaBus(
      com.fasterxml.jackson.databind.JsonNode kafka, List<Diagnostic> out) {
    if (kafka.path("url").asText("").isBlank()) {
      out.add(Diagnostic.error("spec.kafka.url", "url is required"));
    }
    for (String field : List.of("tls", "sasl")) {
      if (kafka.hasNonNull(field)) {
        out.add(Diagnostic.unsupported("spec.kafka." + field, "Kafka EventBus " + field));
      }
    }
    for (String field : List.of("consumerGroup", "partitioner", "version")) {
      if (kafka.hasNonNull(field)) {
        out.add(
            Diagnostic.warning(
                "spec.kafka." + field,
                "ignored: the Kafka EventBus uses one consumer group per Sensor dependency and"
                    + " partitions by event key (docs/kafka-bus.md)"));
      }
    }
  }

  private static void eventBus(EventBusSpec spec, List<Diagnostic> out) {
    if (spec.getNats() != null) {
      out.add(
          Diagnostic.unsupported("spec.nats", "EventBus 'nats' (NATS Streaming); use jetstream"));
    }
    if (spec.getKafka() != null) {
      kafkaBus(spec.getKafka(), out);
    }
    int variants =
        (spec.getNats() == null ? 0 : 1)
            + (spec.getJetstream() == null ? 0 : 1)
            + (spec.getJetstreamExotic() == null ? 0 : 1)
            + (spec.getKafka() == null ? 0 : 1);
    if (variants != 1) {
      out.add(
          Diagnostic.error(
              "spec", "exactly one of nats, jetstream, jetstreamExotic or kafka is required"));
    }
    if (spec.getJetstream() != null) {
      if (spec.getJetstream().path("version").asText("").isEmpty()) {
        out.add(Diagnostic.error("spec.jetstream.version", "version is required"));
      }
      var replicas = spec.getJetstream().get("replicas");
      if (replicas != null && replicas.canConvertToInt() && replicas.asInt() == 2) {
        out.add(Diagnostic.error("spec.jetstream.replicas", "replicas must be 1 or at least 3"));
      }
    }
    if (spec.getJetstreamExotic() != null
        && spec.getJetstreamExotic().path("url").asText("").isEmpty()) {
      out.add(Diagnostic.error("spec.jetstreamExotic.url", "url is required"));
    }
  }
}
