package io.caravan.generator.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.generator.Diagnostics;
import java.util.List;

/**
 * {@code template.kafka} → {@code kamelet:kafka-sink}: the payload produced to {@code topic}, keyed by
 * {@code partitioningKey}, with headers, acks, compression and TLS/SASL (secret references). Avro
 * encoding through {@code schemaRegistry} is not supported.
 */
public final class KafkaTriggerTranslator extends BlockTriggerTranslator {

  @Override
  public String type() {
    return "kafka";
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
      diagnostics.unsupported(input.typePath(type(), "schemaRegistry"),
          "kafka trigger Avro encoding (schemaRegistry)");
      ok = false;
    }
    JsonNode sasl = block.get("sasl");
    if (sasl != null && sasl.isObject()) {
      String mechanism = sasl.path("mechanism").asText("PLAIN");
      if (!List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512").contains(mechanism)) {
        diagnostics.error(input.typePath(type(), "sasl.mechanism"),
            "mechanism '" + mechanism + "' must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512");
        ok = false;
      }
    }
    JsonNode acks = block.get("requiredAcks");
    if (acks != null && !acks.isNull() && !List.of(-1, 0, 1).contains(acks.asInt(99))) {
      diagnostics.error(input.typePath(type(), "requiredAcks"), "requiredAcks must be -1 (all), 0 or 1");
      ok = false;
    }
    return ok;
  }
}
