package io.caravan.generator.trigger.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.generator.trigger.BlockTriggerType;
import java.util.List;

/**
 * {@code template.slack} → {@code kamelet:slack-sink}: {@code chat.postMessage} to {@code channel}
 * with message, blocks, attachments, thread and sender, authenticated by {@code slackToken}.
 */
public final class SlackTriggerType extends BlockTriggerType {

  @Override
  public String key() {
    return "slack";
  }

  @Override
  protected JsonNode block(TriggerTemplate template) {
    return template.getSlack();
  }

  @Override
  protected String kamelet() {
    return "slack-sink";
  }

  @Override
  protected List<String> requiredFields() {
    return List.of("slackToken");
  }

  @Override
  protected List<String> secretFields() {
    return List.of("slackToken");
  }
}
