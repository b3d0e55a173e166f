package io.caravan.routes.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.caravan.api.sensor.TriggerParameter;
import io.caravan.expr.GJson;
import io.caravan.expr.SJson;
import io.caravan.routes.event.ArgoEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes resolved trigger parameters into JSON, as Argo does (inventory §4.5): {@code dest} is an
 * sjson path ({@code -1} appends); values are strings unless {@code useRawData} and the value is
 * not a string; {@code append}/{@code prepend} join with an existing value as strings.
 */
public final class TriggerParameters {
  private TriggerParameters() {}

  /**
   * Applies {@code params} to {@code target} (changed in place when it is an object) and returns
   * the result. {@code field} names the parameter list in errors, e.g. {@code parameters}.
   */
  public static JsonNode apply(
      JsonNode target, List<TriggerParameter> params, Map<String, ArgoEvent> events, String field) {
    if (params == null) {
      return target;
    }
    JsonNode root = target;
    for (int i = 0; i < params.size(); i++) {
      TriggerParameter param = params.get(i);
      String where = field + "[" + i + "]";
      Optional<ParameterValue> resolved = resolve(param, events, where);
      if (resolved.isEmpty()) {
        continue;
      }
      if (param.getDest() == null || param.getDest().isEmpty()) {
        throw new IllegalArgumentException(where + ".dest: must not be empty");
      }
      root = write(root, param, resolved.get(), where);
    }
    return root;
  }

  /**
   * Builds a request payload from {@code payload} parameters: starts from an empty document; a
   * parameter with an empty {@code dest} makes its value the whole payload (the first such value
   * wins). No parameters, or none resolved, give an empty payload.
   */
  public static byte[] payload(
      List<TriggerParameter> params, Map<String, ArgoEvent> events, String field) {
    if (params == null || params.isEmpty()) {
      return new byte[0];
    }
    JsonNode root = null;
    for (int i = 0; i < params.size(); i++) {
      TriggerParameter param = params.get(i);
      String where = field + "[" + i + "]";
      Optional<ParameterValue> resolved = resolve(param, events, where);
      if (resolved.isEmpty()) {
        continue;
      }
      if (param.getDest() == null || param.getDest().isEmpty()) {
        return resolved.get().text().getBytes(StandardCharsets.UTF_8);
      }
      boolean raw = Boolean.TRUE.equals(param.getSrc().getUseRawData());
      root =
          set(
              root == null ? JsonNodeFactory.instance.objectNode() : root,
              param.getDest(),
              resolved.get().toWrite(raw),
              where);
    }
    return root == null ? new byte[0] : root.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The value of one parameter, or empty when skipped; errors name the parameter. */
  public static Optional<ParameterValue> resolve(
      TriggerParameter param, Map<String, ArgoEvent> events, String where) {
    try {
      return ParameterResolver.resolve(param.getSrc(), events);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ".src: " + e.getMessage(), e);
    }
  }

  private static JsonNode write(
      JsonNode root, TriggerParameter param, ParameterValue value, String where) {
    boolean raw = Boolean.TRUE.equals(param.getSrc().getUseRawData());
    String op = param.getOperation() == null ? "" : param.getOperation();
    JsonNode toWrite;
    switch (op) {
      case "", "overwrite" -> toWrite = value.toWrite(raw);
      case "append", "prepend" -> {
        Optional<JsonNode> current = GJson.get(root, param.getDest());
        if (current.isPresent()) {
          String existing = GJson.text(current.get());
          String joined = op.equals("append") ? existing + value.text() : value.text() + existing;
          toWrite = TextNode.valueOf(joined);
        } else {
          toWrite = value.toWrite(raw);
        }
      }
      default ->
          throw new IllegalArgumentException(
              where
                  + ".operation: unsupported trigger parameter operation '"
                  + op
                  + "' (overwrite, append, prepend)");
    }
    return set(root, param.getDest(), toWrite, where);
  }

  private static JsonNode set(JsonNode root, String dest, JsonNode value, String where) {
    try {
      return SJson.set(root, dest, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ".dest '" + dest + "': " + e.getMessage(), e);
    }
  }
}
