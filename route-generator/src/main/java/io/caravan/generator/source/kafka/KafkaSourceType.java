package io.caravan.generator.source.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.eventsource.kafka.KafkaConsumerGroup;
import io.caravan.api.eventsource.kafka.KafkaEventSource;
import io.caravan.api.sensor.Backoff;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.source.SourceEvent;
import io.caravan.generator.source.SourceType;
import io.caravan.generator.support.TlsParameters;
import io.caravan.generator.support.TlsSaslRules;
import io.caravan.generator.yaml.RoutesYaml;
import io.caravan.generator.yaml.UriParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code spec.kafka} events → {@code kamelet:kafka-source}: partition mode (one partition from its
 * newest offset on every start) or consumer-group mode (offsets committed only after the bus stored
 * each event), with Argo's checks and event data (inventory §1.4, §1.5.4, §2.3). Secrets go to the
 * route as references.
 */
public final class KafkaSourceType implements SourceType<KafkaEventSource> {
  static final Set<String> REBALANCE_STRATEGIES = Set.of("range", "roundrobin", "sticky");

  @Override
  public String key() {
    return "kafka";
  }

  @Override
  public Class<KafkaEventSource> model() {
    return KafkaEventSource.class;
  }

  @Override
  public void check(SourceEvent<KafkaEventSource> event, List<Diagnostic> out) {
    KafkaEventSource kafka = event.config();
    if (kafka == null) {
      out.add(Diagnostic.error(event.path(), "kafka settings are missing"));
      return;
    }
    if (blank(kafka.getUrl())) {
      out.add(Diagnostic.error(event.path("url"), "url must be specified"));
    }
    if (blank(kafka.getTopic())) {
      out.add(Diagnostic.error(event.path("topic"), "topic must be specified"));
    }
    if (blank(kafka.getPartition()) && kafka.getConsumerGroup() == null) {
      out.add(Diagnostic.error(event.path(), "consumerGroup or partition must be specified"));
    }
    if (!blank(kafka.getPartition()) && !kafka.getPartition().matches("\\d{1,9}")) {
      out.add(
          Diagnostic.error(
              event.path("partition"),
              "failed to parse Kafka partition " + kafka.getPartition() + ": not a number"));
    }
    KafkaConsumerGroup group = kafka.getConsumerGroup();
    if (group != null) {
      if (blank(group.getGroupName())) {
        out.add(
            Diagnostic.error(event.path("consumerGroup.groupName"), "groupName must be specified"));
      }
      if (group.getRebalanceStrategy() != null
          && !REBALANCE_STRATEGIES.contains(group.getRebalanceStrategy())) {
        out.add(
            Diagnostic.warning(
                event.path("consumerGroup.rebalanceStrategy"),
                "invalid rebalance strategy '"
                    + group.getRebalanceStrategy()
                    + "', using default: range (as Argo)"));
      }
    }
    TlsSaslRules.tls(event.path("tls"), kafka.getTls(), out);
    TlsSaslRules.sasl(event.path("sasl"), kafka.getSasl(), out);
    if (kafka.getSasl() != null && kafka.getSasl().isObject()) {
      String mechanism = kafka.getSasl().path("mechanism").asText("");
      if (mechanism.equals("OAUTHBEARER") || mechanism.equals("GSSAPI")) {
        out.add(
            Diagnostic.unsupported(
                event.path("sasl.mechanism"),
                mechanism
                    + " (Caravan's Kafka source takes PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512)"));
      }
    }
    if (kafka.getSchemaRegistry() != null && !kafka.getSchemaRegistry().isNull()) {
      out.add(
          Diagnostic.unsupported(
              event.path("schemaRegistry"),
              "schemaRegistry (Avro decoding through a schema registry is not built yet)"));
    }
    if (kafka.getAwsMskIamAuth() != null && !kafka.getAwsMskIamAuth().isNull()) {
      out.add(
          Diagnostic.unsupported(
              event.path("awsMskIamAuth"),
              "awsMskIamAuth (AWS MSK IAM authentication is not built yet)"));
    }
    if (!blank(kafka.getConfig())) {
      out.add(
          Diagnostic.warning(
              event.path("config"),
              "config holds settings of Argo's Go client (Sarama); they do not apply to the "
                  + "Java client and are ignored"));
    }
    if (kafka.getLimitEventsPerSecond() != null && kafka.getLimitEventsPerSecond() < 0) {
      out.add(
          Diagnostic.error(
              event.path("limitEventsPerSecond"), "limitEventsPerSecond must not be negative"));
    }
  }

  @Override
  public Map<String, Object> from(SourceEvent<KafkaEventSource> event, Diagnostics diagnostics) {
    KafkaEventSource kafka = event.config();
    if (kafka == null) {
      diagnostics.error(event.path(), "kafka settings are missing");
      return null;
    }
    if (blank(kafka.getUrl()) || blank(kafka.getTopic())) {
      String field = blank(kafka.getUrl()) ? "url" : "topic";
      diagnostics.error(event.path(field), field + " must be specified");
      return null;
    }
    KafkaConsumerGroup group = kafka.getConsumerGroup();
    if (group == null && (blank(kafka.getPartition()) || !kafka.getPartition().matches("\\d+"))) {
      diagnostics.error(event.path(), "consumerGroup or partition must be specified");
      return null;
    }
    if (group != null && blank(group.getGroupName())) {
      diagnostics.error(event.path("consumerGroup.groupName"), "groupName must be specified");
      return null;
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("eventSourceName", event.eventSourceName());
    parameters.put("eventName", event.eventName());
    parameters.put("url", kafka.getUrl());
    parameters.put("topic", kafka.getTopic());
    if (group != null) {
      parameters.put("groupName", group.getGroupName());
      parameters.put("oldest", Boolean.TRUE.equals(group.getOldest()));
      String strategy = group.getRebalanceStrategy();
      parameters.put(
          "rebalanceStrategy",
          strategy != null && REBALANCE_STRATEGIES.contains(strategy) ? strategy : "range");
      if (kafka.getLimitEventsPerSecond() != null && kafka.getLimitEventsPerSecond() > 0) {
        parameters.put("limitEventsPerSecond", kafka.getLimitEventsPerSecond());
      }
    } else {
      parameters.put("partition", Integer.parseInt(kafka.getPartition()));
    }
    parameters.put("jsonBody", Boolean.TRUE.equals(kafka.getJsonBody()));
    if (kafka.getMetadata() != null && !kafka.getMetadata().isEmpty()) {
      parameters.put("metadata", RoutesYaml.compactJson(kafka.getMetadata()));
    }
    if (!TlsParameters.put(parameters, kafka.getTls(), event.path("tls"), diagnostics)
        || !putSasl(parameters, kafka.getSasl(), event.path("sasl"), diagnostics)) {
      return null;
    }
    Backoff backoff = kafka.getConnectionBackoff();
    if (backoff != null) {
      putIfSet(parameters, "backoffSteps", backoff.getSteps());
      putIfSet(
          parameters,
          "backoffDuration",
          backoff.getDuration() == null ? null : backoff.getDuration().asText());
      putIfSet(parameters, "backoffFactor", backoff.getFactor());
      putIfSet(parameters, "backoffJitter", backoff.getJitter());
    }
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:kafka-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  @Override
  public String filterExpression(KafkaEventSource event) {
    return event == null || event.getFilter() == null ? null : event.getFilter().getExpression();
  }

  /** The sasl block as {@code saslMechanism} and the two secret references. */
  private static boolean putSasl(
      Map<String, Object> parameters, JsonNode sasl, String path, Diagnostics diagnostics) {
    if (sasl == null || sasl.isNull() || !sasl.isObject()) {
      return true;
    }
    String mechanism = sasl.path("mechanism").asText("");
    parameters.put("saslMechanism", mechanism.isEmpty() ? "PLAIN" : mechanism);
    boolean ok = true;
    for (String field : List.of("userSecret", "passwordSecret")) {
      JsonNode selector = sasl.get(field);
      String name = selector == null ? "" : selector.path("name").asText("");
      String key = selector == null ? "" : selector.path("key").asText("");
      if (name.isEmpty() || key.isEmpty()) {
        diagnostics.error(path + "." + field, "a secret reference needs both name and key");
        ok = false;
      } else {
        parameters.put(
            "sasl" + Character.toUpperCase(field.charAt(0)) + field.substring(1), name + "/" + key);
      }
    }
    return ok;
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
