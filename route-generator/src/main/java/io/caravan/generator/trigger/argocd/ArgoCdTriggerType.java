package io.caravan.generator.trigger.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.trigger.BlockTriggerType;
import io.caravan.generator.trigger.TriggerInput;
import java.util.List;
import java.util.Map;

/**
 * Caravan extension {@code template.argoCD} → {@code kamelet:argocd-sink}: syncs an Argo CD
 * Application through the Argo CD REST API with a bearer token from {@code tokenSecret}, optionally
 * waiting for the sync (and health) result. Not an Argo Events trigger type.
 */
public final class ArgoCdTriggerType extends BlockTriggerType {

  @Override
  public String key() {
    return "argoCD";
  }

  @Override
  protected JsonNode block(TriggerTemplate template) {
    return template.getArgoCD();
  }

  @Override
  protected String kamelet() {
    return "argocd-sink";
  }

  @Override
  protected List<String> requiredFields() {
    return List.of("server", "application", "tokenSecret");
  }

  @Override
  protected List<String> secretFields() {
    return List.of("tokenSecret");
  }

  @Override
  protected Map<String, Object> moreParameters(TriggerInput input) {
    String allow = input.statusAllow();
    return allow == null ? Map.of() : Map.of("statusAllow", allow);
  }

  @Override
  protected boolean checkMore(JsonNode block, TriggerInput input, Diagnostics diagnostics) {
    JsonNode wait = block.get("wait");
    if (wait != null && wait.has("timeoutSeconds") && wait.path("timeoutSeconds").asLong(0) <= 0) {
      diagnostics.error(
          input.typePath(key(), "wait.timeoutSeconds"), "timeoutSeconds must be positive");
      return false;
    }
    return true;
  }
}
