package io.caravan.routes.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.expr.ExprLangExpression;
import io.caravan.expr.ExpressionException;
import io.caravan.expr.GoValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An EventSource event's {@code filter.expression} (inventory §1.6), declared by the generated
 * {@code beans:} and used as {@code filter: method: {ref: …, method: accept}} before the event is
 * built and published. The expression (expr-lang) sees the event data as its environment: top-level
 * keys with {@code -} are also reachable with {@code _} ({@code my_key} for {@code my-key}), and
 * dotted keys ({@code "a.b"}) are expanded into nested maps (a key that is a prefix of another is
 * dropped). Data that is not a JSON object, an error or a non-boolean result are logged and the
 * event is not published; the source still answers success (Argo).
 */
public class EventSourceFilter {
  private static final Logger LOG = LoggerFactory.getLogger(EventSourceFilter.class);

  private String eventSourceName;
  private String eventName;
  private String expressionText;
  private ExprLangExpression expression;
  private String parseError;

  public String getEventSourceName() {
    return eventSourceName;
  }

  public void setEventSourceName(String eventSourceName) {
    this.eventSourceName = eventSourceName;
  }

  public String getEventName() {
    return eventName;
  }

  public void setEventName(String eventName) {
    this.eventName = eventName;
  }

  public String getExpression() {
    return expressionText;
  }

  /**
   * An expression that does not parse is logged and makes every event fail the filter (nothing is
   * published), as in Argo, which compiles the expression for each event.
   */
  public void setExpression(String expression) {
    this.expressionText = expression;
    this.expression = null;
    this.parseError = null;
    try {
      this.expression = ExprLangExpression.parse(expression);
    } catch (ExpressionException e) {
      parseError = e.getMessage();
      LOG.warn("{}filter.expression: {}; no event will be published", where(), parseError);
    }
  }

  /**
   * True when the body (the event data) passes; false (logged) when it does not or the filter
   * fails.
   */
  public boolean accept(Exchange exchange) {
    Object body = exchange.getMessage().getBody();
    try {
      return test(body instanceof JsonNode node ? node : null);
    } catch (ExpressionException e) {
      LOG.warn("{}Failed to filter event: {}; event not published", where(), e.getMessage());
      return false;
    }
  }

  /**
   * @throws ExpressionException when the data is no object or the expression fails
   */
  public boolean test(JsonNode data) {
    if (parseError != null) {
      throw new ExpressionException(parseError);
    }
    if (expression == null) {
      return true;
    }
    if (data == null || !data.isObject()) {
      throw new ExpressionException("event data is not a JSON object");
    }
    Map<String, Object> env = new LinkedHashMap<>();
    data.fields().forEachRemaining(e -> env.put(e.getKey(), GoValues.of(e.getValue())));
    Map<String, Object> expanded = expand(removeConflicts(env));
    Map<String, Object> withUnderscores = new LinkedHashMap<>(expanded);
    expanded.forEach((key, value) -> withUnderscores.putIfAbsent(key.replace('-', '_'), value));
    return expression.evaluateBool(withUnderscores);
  }

  /** Drops a key when a longer key extends it with a dot ({@code a} when {@code a.b} exists). */
  static Map<String, Object> removeConflicts(Map<String, Object> env) {
    Map<String, Object> out = new LinkedHashMap<>();
    env.forEach(
        (key, value) -> {
          boolean shadowed = env.keySet().stream().anyMatch(other -> other.startsWith(key + "."));
          if (!shadowed) {
            out.put(key, value);
          }
        });
    return out;
  }

  /** Turns dotted keys into nested maps: {@code {"a.b": 1}} → {@code {a: {b: 1}}}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> expand(Map<String, Object> env) {
    Map<String, Object> out = new TreeMap<>();
    env.forEach(
        (key, value) -> {
          String[] parts = key.split("\\.");
          Map<String, Object> at = out;
          for (int i = 0; i < parts.length - 1; i++) {
            Object next = at.get(parts[i]);
            if (!(next instanceof Map)) {
              next = new TreeMap<String, Object>();
              at.put(parts[i], next);
            }
            at = (Map<String, Object>) next;
          }
          at.put(parts[parts.length - 1], value);
        });
    return out;
  }

  private String where() {
    return "EventSource '" + eventSourceName + "' event '" + eventName + "': ";
  }
}
