package io.caravan.generator.trigger.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.trigger.BlockTriggerType;
import io.caravan.generator.trigger.TriggerInput;
import java.util.List;

/**
 * {@code template.email} → {@code kamelet:email-sink}: a plain-text mail over SMTP to {@code to},
 * authenticated with {@code username} and {@code smtpPassword} when a username is given.
 */
public final class EmailTriggerType extends BlockTriggerType {

  @Override
  public String key() {
    return "email";
  }

  @Override
  protected JsonNode block(TriggerTemplate template) {
    return template.getEmail();
  }

  @Override
  protected String kamelet() {
    return "email-sink";
  }

  @Override
  protected List<String> requiredFields() {
    return List.of("host");
  }

  @Override
  protected List<String> secretFields() {
    return List.of("smtpPassword");
  }

  @Override
  protected boolean checkMore(JsonNode block, TriggerInput input, Diagnostics diagnostics) {
    JsonNode port = block.get("port");
    if (port != null
        && !port.isNull()
        && (!port.canConvertToInt() || port.asInt() < 0 || port.asInt() > 65535)) {
      diagnostics.error(input.typePath(key(), "port"), "port must be between 0 and 65535");
      return false;
    }
    if (!block.path("username").asText("").isEmpty() && !block.hasNonNull("smtpPassword")) {
      diagnostics.error(
          input.typePath(key(), "smtpPassword"), "smtpPassword is required with a username");
      return false;
    }
    return true;
  }
}
