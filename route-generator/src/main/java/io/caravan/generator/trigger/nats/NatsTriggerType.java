package io.caravan.generator.trigger.nats;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.support.TlsSaslRules;
import io.caravan.generator.trigger.BlockTriggerType;
import java.util.List;

/**
 * {@code template.nats} → {@code kamelet:nats-sink}: core NATS publish of the payload to {@code
 * subject}; Caravan's {@code jetStream: true} publishes through JetStream instead.
 */
public final class NatsTriggerType extends BlockTriggerType {

  @Override
  public String key() {
    return "nats";
  }

  @Override
  public void check(String path, TriggerTemplate template, List<Diagnostic> out) {
    TlsSaslRules.tls(path + ".nats.tls", template.getNats().get("tls"), out);
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
