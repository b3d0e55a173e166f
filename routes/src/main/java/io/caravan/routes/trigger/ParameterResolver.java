package io.caravan.routes.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.sensor.TriggerParameterSource;
import io.caravan.expr.GJson;
import io.caravan.routes.event.ArgoEvent;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a trigger parameter's {@code src} against the fired events, as Argo does (inventory
 * §4.5):
 *
 * <ol>
 *   <li>the dependency has no event: {@code value}, else nothing (the parameter is skipped);
 *   <li>no key and no template: {@code value}, else the whole event ({@code data} base64);
 *   <li>a data selector (key or template) replaces a context selector;
 *   <li>template first (empty or {@code <no value>} output fails), then key, then {@code value},
 *       else an error.
 * </ol>
 */
final class ParameterResolver {
  private static final Logger LOG = LoggerFactory.getLogger(ParameterResolver.class);
  private static final String NO_VALUE = "<no value>";

  private ParameterResolver() {}

  /**
   * The value, or empty when the parameter is skipped.
   *
   * @throws IllegalArgumentException when the value cannot be resolved and there is no default
   */
  static Optional<ParameterValue> resolve(
      TriggerParameterSource src, Map<String, ArgoEvent> events) {
    if (src == null) {
      throw new IllegalArgumentException("parameter has no src");
    }
    String dependency = src.getDependencyName();
    ArgoEvent event = dependency == null ? null : events.get(dependency);
    if (event == null) {
      return Optional.ofNullable(src.getValue()).map(ParameterValue::string);
    }
    boolean contextSelected = !empty(src.getContextKey()) || !empty(src.getContextTemplate());
    boolean dataSelected = !empty(src.getDataKey()) || !empty(src.getDataTemplate());
    if (!contextSelected && !dataSelected) {
      return Optional.of(
          ParameterValue.string(
              src.getValue() != null ? src.getValue() : ArgoEventJson.whole(event)));
    }
    String key;
    String template;
    JsonNode input;
    try {
      if (dataSelected) {
        key = src.getDataKey();
        template = src.getDataTemplate();
        input = ArgoEventJson.data(event);
      } else {
        key = src.getContextKey();
        template = src.getContextTemplate();
        input = ArgoEventJson.context(event);
      }
    } catch (IllegalArgumentException e) {
      if (src.getValue() != null) {
        LOG.debug("dependency '{}': {}; using the default value", dependency, e.getMessage());
        return Optional.of(ParameterValue.string(src.getValue()));
      }
      throw new IllegalArgumentException(
          "unable to resolve '" + dependency + "' parameter value: " + e.getMessage(), e);
    }
    String failure = null;
    if (!empty(template)) {
      try {
        String out = TemplateRendering.render(template, input);
        if (!out.isEmpty() && !out.equals(NO_VALUE)) {
          return Optional.of(ParameterValue.string(out));
        }
        failure = "template '" + template + "' evaluated to an empty string or no value";
      } catch (RuntimeException e) {
        failure = "template '" + template + "' failed: " + e.getMessage();
      }
      LOG.debug("dependency '{}': {}; falling back to key or value", dependency, failure);
    }
    if (!empty(key)) {
      Optional<JsonNode> found = GJson.get(input, key);
      if (found.isPresent()) {
        return Optional.of(byKey(found.get()));
      }
      failure =
          "key '" + key + "' does not exist in the event " + (dataSelected ? "data" : "context");
    }
    if (src.getValue() != null) {
      return Optional.of(ParameterValue.string(src.getValue()));
    }
    throw new IllegalArgumentException(
        "unable to resolve '"
            + dependency
            + "' parameter value"
            + (failure == null ? "" : ": " + failure));
  }

  /**
   * gjson's result of a key lookup: objects/arrays and null as JSON text, scalars as their string.
   */
  private static ParameterValue byKey(JsonNode node) {
    String type;
    String text;
    if (node.isContainerNode()) {
      type = "JSON";
      text = node.toString();
    } else if (node.isNull()) {
      type = "Null";
      text = "null";
    } else if (node.isNumber()) {
      type = "Number";
      text = GJson.text(node);
    } else if (node.isBoolean()) {
      type = node.booleanValue() ? "True" : "False";
      text = GJson.text(node);
    } else {
      type = ParameterValue.STRING;
      text = GJson.text(node);
    }
    return new ParameterValue(text, type, node);
  }

  private static boolean empty(String value) {
    return value == null || value.isEmpty();
  }
}
