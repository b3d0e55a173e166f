package io.caravan.generator.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.sensor.TriggerTemplate;
import java.util.List;

/**
 * {@code template.nats} → {@code kamelet:nats-sink}: core NATS publish of the payload to
 * {@code subject}; Caravan's {@code jetStream: true} publishes through JetStream instead.
 */
public final class NatsTriggerTranslator extends BlockTriggerTranslator {

  @Override
  public String type() {
    return "nats";
  }

  @Override
  protected JsonNode block(TriggerTemplate template) {
    return template.getNats();
  }

  @Override
  protected String kamelet() {
    return "nats-sink";
  }

  @Override
  protected List<String> requiredFields() {
    return List.of("url", "subject");
  }
}
