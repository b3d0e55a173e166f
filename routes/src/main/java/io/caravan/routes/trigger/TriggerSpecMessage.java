package io.caravan.routes.trigger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.api.sensor.TriggerParameter;
import io.caravan.routes.event.ArgoEvent;
import java.util.List;
import java.util.Map;
import org.apache.camel.Message;

/**
 * The message of a trigger type configured as a JSON block (kafka, nats, slack, email, argoCD): the
 * block's own {@code parameters} are applied to it (resource-level parameters, after the
 * template-level ones), then its {@code payload} parameters (kafka, nats) build the body. The
 * resolved block goes to the sink in header {@link #SPEC_HEADER} (an ObjectNode, secret references
 * unresolved); the body is the payload bytes, empty for types without a payload.
 */
public final class TriggerSpecMessage {
  /** Header holding the resolved trigger block. */
  static final String SPEC_HEADER = "CaravanTriggerSpec";

  private TriggerSpecMessage() {}

  static void write(String kind, JsonNode block, Map<String, ArgoEvent> events, Message message) {
    String field = "trigger.template." + kind;
    ObjectNode resolved = block.deepCopy();
    List<TriggerParameter> parameters = list(resolved.get("parameters"), field + ".parameters");
    JsonNode applied = TriggerParameters.apply(resolved, parameters, events, field + ".parameters");
    if (!(applied instanceof ObjectNode object)) {
      throw new IllegalArgumentException(field + ".parameters: the block is no longer a mapping");
    }
    List<TriggerParameter> payload = list(object.get("payload"), field + ".payload");
    message.setBody(TriggerParameters.payload(payload, events, field + ".payload"));
    message.setHeader(SPEC_HEADER, object);
  }

  /** The resolved block the template bean wrote, for a sink. */
  public static ObjectNode spec(Message message, String kind) {
    Object spec = message.getHeader(SPEC_HEADER);
    if (!(spec instanceof ObjectNode node)) {
      throw new IllegalArgumentException(
          kind
              + "-sink: header "
              + SPEC_HEADER
              + " (the resolved trigger block, set by the TriggerTemplate bean) is missing");
    }
    return node;
  }

  private static List<TriggerParameter> list(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    try {
      return TriggerTemplate.JSON.convertValue(
          node, new TypeReference<List<TriggerParameter>>() {});
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          where + ": not a list of parameters: " + e.getMessage(), e);
    }
  }
}
