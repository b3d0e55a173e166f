package io.caravan.generator.trigger.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.support.TlsSaslRules;
import io.caravan.generator.trigger.BlockTriggerType;
import io.caravan.generator.trigger.TriggerInput;
import java.util.List;

/**
 * {@code template.kafka} → {@code kamelet:kafka-sink}: the payload produced to {@code topic}, keyed
 * by {@code partitioningKey}, with headers, acks, compression and TLS/SASL (secret references).
 * Avro encoding through {@code schemaRegistry} is not supported.
 */
public final class KafkaTriggerType extends BlockTriggerType {

  @Override
  public String key() {
    return "kafka";
  }

  @Override
  public void check(String path, TriggerTemplate template, List<Diagnostic> out) {
    TlsSaslRules.tls(path + ".kafka.tls", template.getKafka().get("tls"), out);
    TlsSaslRules.sasl(path + ".kafka.sasl", template.getKafka().get("sasl"), out);
    if (template.getKafka().hasNonNull("schemaRegistry")) {
      out.add(
          Diagnostic.unsupported(
              path + ".kafka.schemaRegistry", "kafka Avro encoding (schemaRegistry)"));
    }
  }

  @Override
  protected JsonNode block(TriggerTemplate template) {
    return template.getKafka();
  }

  @Override
  protected String kamelet() {
    return "kafka-sink";
  }

  @Override
  protected List<String> requiredFields() {
    return List.of("url", "topic");
  }

  @Override
  protected boolean checkMore(JsonNode block, TriggerInput input, Diagnostics diagnostics) {
    boolean ok = true;
    if (block.hasNonNull("schemaRegistry")) {
      diagnostics.unsupported(
          input.typePath(key(), "schemaRegistry"), "kafka trigger Avro encoding (schemaRegistry)");
      ok = false;
    }
    JsonNode sasl = block.get("sasl");
    if (sasl != null && sasl.isObject()) {
      String mechanism = sasl.path("mechanism").asText("PLAIN");
      if (!List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512").contains(mechanism)) {
        diagnostics.error(
            input.typePath(key(), "sasl.mechanism"),
            "mechanism '" + mechanism + "' must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512");
        ok = false;
      }
    }
    JsonNode acks = block.get("requiredAcks");
    if (acks != null && !acks.isNull() && !List.of(-1, 0, 1).contains(acks.asInt(99))) {
      diagnostics.error(
          input.typePath(key(), "requiredAcks"), "requiredAcks must be -1 (all), 0 or 1");
      ok = false;
    }
    return ok;
  }
}
