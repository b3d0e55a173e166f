package io.caravan.generator.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.yaml.Ordered;
import java.util.List;
import java.util.Map;

/**
 * A trigger type whose whole block reaches its sink through the TriggerTemplate bean (kafka, nats,
 * slack, email, argoCD): the sink step is {@code kamelet:<sink>} with the sensor and trigger names;
 * the block's fields are checked here so that a manifest that cannot run is reported at generation.
 */
public abstract class BlockTriggerType implements TriggerType {

  /** The block of this type in the template. */
  protected abstract JsonNode block(TriggerTemplate template);

  /** The Kamelet name, e.g. {@code kafka-sink}. */
  protected abstract String kamelet();

  /** Fields that must be set (non-empty text or a mapping). */
  protected abstract List<String> requiredFields();

  /** Fields that must be secret references {@code {name, key}} when set. */
  protected List<String> secretFields() {
    return List.of();
  }

  /**
   * Further checks of the type; report errors to {@code diagnostics}, return false when it cannot
   * run.
   */
  protected boolean checkMore(JsonNode block, TriggerInput input, Diagnostics diagnostics) {
    return true;
  }

  /** Kamelet parameters after the sensor and trigger names (null values are left out). */
  protected Map<String, Object> moreParameters(TriggerInput input) {
    return Map.of();
  }

  @Override
  public final Map<String, Object> sink(TriggerInput input, Diagnostics diagnostics) {
    JsonNode block = block(input.trigger().getTemplate());
    if (block == null || !block.isObject()) {
      diagnostics.error(input.path() + ".template." + key(), key() + " must be a mapping");
      return null;
    }
    boolean ok = true;
    for (String field : requiredFields()) {
      JsonNode value = block.get(field);
      boolean empty =
          value == null
              || value.isNull()
              || (value.isTextual() && value.asText().isEmpty())
              || (value.isContainerNode() && value.isEmpty());
      if (empty) {
        diagnostics.error(input.typePath(key(), field), field + " is required");
        ok = false;
      }
    }
    for (String field : secretFields()) {
      JsonNode value = block.get(field);
      if (value != null && !value.isNull() && !isSecretRef(value)) {
        diagnostics.error(
            input.typePath(key(), field), "a secret reference needs both name and key");
        ok = false;
      }
    }
    ok &= checkMore(block, input, diagnostics);
    if (!ok) {
      return null;
    }
    Map<String, Object> parameters =
        Ordered.map(
            "sensorName", input.sensorName(),
            "triggerName", input.triggerName());
    moreParameters(input)
        .forEach(
            (name, value) -> {
              if (value != null) {
                parameters.put(name, value);
              }
            });
    return Ordered.map("uri", "kamelet:" + kamelet(), "parameters", parameters);
  }

  /** True when {@code value} is {@code {name, key}} with both set. */
  public static boolean isSecretRef(JsonNode value) {
    return value.isObject()
        && !value.path("name").asText("").isEmpty()
        && !value.path("key").asText("").isEmpty();
  }
}
