package io.caravan.routes.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.expr.GoTemplate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a parameter's Go template with {@code .Input} = the selected event JSON. Templates come
 * from manifests (a fixed set), so each is parsed once and kept.
 */
final class TemplateRendering {
  private static final Map<String, GoTemplate> PARSED = new ConcurrentHashMap<>();

  private TemplateRendering() {}

  /**
   * @throws RuntimeException when the template does not parse or fails to execute
   */
  static String render(String template, JsonNode input) {
    return PARSED.computeIfAbsent(template, GoTemplate::parse).executeInput(input);
  }
}
