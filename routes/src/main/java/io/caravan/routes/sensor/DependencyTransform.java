package io.caravan.routes.sensor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.api.ArgoMappers;
import io.caravan.api.sensor.EventDependencyTransformer;
import io.caravan.expr.ExpressionException;
import io.caravan.expr.LuaScript;
import io.caravan.routes.event.ArgoEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;
import org.apache.camel.Exchange;
import org.luaj.vm2.LuaValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code transform} of one Sensor dependency (inventory §4.2), declared by the generated {@code
 * beans:} and used as {@code bean: {ref: …, method: transform}} before the filter: replaces the
 * {@link ArgoEvent} body's data with the transformed data, so filters and triggers see it.
 *
 * <ul>
 *   <li>{@code jq}: the first output must be a JSON object (no output and any other value are
 *       errors);
 *   <li>{@code script} (Lua, {@code event} = the data): must return a table, which becomes the
 *       data;
 *   <li>both set: only {@code jq} runs; an event without data passes unchanged.
 * </ul>
 *
 * <p>A failing transform drops the event for this dependency, as in Argo: it is logged, the route
 * stops and the bus message is acknowledged (it would fail the same way again).
 */
public class DependencyTransform {
  private static final Logger LOG = LoggerFactory.getLogger(DependencyTransform.class);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Scope ROOT_SCOPE = Scope.newEmptyScope();

  static {
    BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_7, ROOT_SCOPE);
  }

  private String sensorName;
  private String dependencyName;
  private String transformText;
  private JsonQuery jq;
  private LuaScript script;

  public String getSensorName() {
    return sensorName;
  }

  public void setSensorName(String sensorName) {
    this.sensorName = sensorName;
  }

  public String getDependencyName() {
    return dependencyName;
  }

  public void setDependencyName(String dependencyName) {
    this.dependencyName = dependencyName;
  }

  public String getTransform() {
    return transformText;
  }

  /**
   * Parses and compiles the manifest's {@code transform} object (YAML text).
   *
   * @throws IllegalArgumentException naming the field for unknown fields, a jq program or Lua
   *     script that does not compile
   */
  public void setTransform(String yaml) {
    this.transformText = yaml;
    this.jq = null;
    this.script = null;
    EventDependencyTransformer transform;
    try {
      transform =
          yaml == null || yaml.isBlank()
              ? null
              : ArgoMappers.yaml().readValue(yaml, EventDependencyTransformer.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          where() + "transform: not a transform object: " + e.getOriginalMessage());
    }
    if (transform == null) {
      return;
    }
    if (transform.getJq() != null && !transform.getJq().isEmpty()) {
      try {
        jq = JsonQuery.compile(transform.getJq(), Versions.JQ_1_7);
      } catch (JsonQueryException e) {
        throw new IllegalArgumentException(where() + "transform.jq: " + e.getMessage(), e);
      }
    } else if (transform.getScript() != null && !transform.getScript().isEmpty()) {
      try {
        script = LuaScript.compile(transform.getScript(), "transform.script");
      } catch (ExpressionException e) {
        throw new IllegalArgumentException(where() + "transform.script: " + e.getMessage(), e);
      }
    }
  }

  /** Replaces the body's data with the transformed data; on failure logs and stops the route. */
  public void transform(Exchange exchange) {
    Object body = exchange.getMessage().getBody();
    if (!(body instanceof ArgoEvent event)) {
      LOG.error(
          "{}body is {}, not an ArgoEvent; event dropped",
          where(),
          body == null ? "empty" : body.getClass().getName());
      exchange.setRouteStop(true);
      return;
    }
    try {
      exchange.getMessage().setBody(apply(event));
    } catch (IllegalArgumentException e) {
      LOG.warn(
          "{}failed to apply event transformation to event {}: {}; event dropped",
          where(),
          event.id(),
          e.getMessage());
      exchange.setRouteStop(true);
    }
  }

  /** Argo {@code ApplyTransform}: the event with its data transformed. */
  public ArgoEvent apply(ArgoEvent event) {
    JsonNode data = event.data();
    if ((jq == null && script == null) || data == null || data.isNull() || data.isMissingNode()) {
      return event;
    }
    JsonNode transformed = jq != null ? applyJq(data) : applyScript(data);
    return new ArgoEvent(
        event.id(),
        event.source(),
        event.specversion(),
        event.type(),
        event.subject(),
        event.time(),
        event.datacontenttype(),
        transformed);
  }

  private JsonNode applyJq(JsonNode data) {
    if (!data.isObject()) {
      throw new IllegalArgumentException("event data is not a JSON object");
    }
    List<JsonNode> outputs = new ArrayList<>();
    try {
      jq.apply(Scope.newChildScope(ROOT_SCOPE), data.deepCopy(), outputs::add);
    } catch (JsonQueryException e) {
      if (outputs.isEmpty()) {
        throw new IllegalArgumentException("jq: " + e.getMessage(), e);
      }
    }
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("no output available from the jq command execution");
    }
    JsonNode first = outputs.get(0);
    if (!first.isObject()) {
      throw new IllegalArgumentException("jq transformation output must be a JSON object");
    }
    return asGoWritesIt(first);
  }

  private JsonNode applyScript(JsonNode data) {
    if (!data.isObject()) {
      throw new IllegalArgumentException("event data is not a JSON object");
    }
    LuaValue result;
    try {
      result = script.run(data);
    } catch (ExpressionException e) {
      throw new IllegalArgumentException("script: " + e.getMessage(), e);
    }
    if (!result.istable()) {
      throw new IllegalArgumentException("transformation script output type is not of lua table");
    }
    try {
      return LuaScript.toJson(result);
    } catch (ExpressionException e) {
      throw new IllegalArgumentException("script: " + e.getMessage(), e);
    }
  }

  /** Go's JSON encoding of decoded JSON: object keys sorted, integral floats without a fraction. */
  static JsonNode asGoWritesIt(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      node.fields().forEachRemaining(e -> sorted.put(e.getKey(), asGoWritesIt(e.getValue())));
      ObjectNode object = NODES.objectNode();
      sorted.forEach(object::set);
      return object;
    }
    if (node.isArray()) {
      var array = NODES.arrayNode();
      node.forEach(e -> array.add(asGoWritesIt(e)));
      return array;
    }
    if (node.isFloatingPointNumber()) {
      return LuaScript.number(node.doubleValue());
    }
    return node;
  }

  private String where() {
    return "Sensor '" + sensorName + "' dependency '" + dependencyName + "': ";
  }

  @Override
  public String toString() {
    return "DependencyTransform[" + sensorName + "/" + dependencyName + "]";
  }
}
