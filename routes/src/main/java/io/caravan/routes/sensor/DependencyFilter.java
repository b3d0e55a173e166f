package io.caravan.routes.sensor;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.caravan.api.ArgoMappers;
import io.caravan.api.sensor.EventContext;
import io.caravan.api.sensor.EventDependencyFilter;
import io.caravan.expr.ExpressionException;
import io.caravan.expr.LuaScript;
import io.caravan.routes.event.ArgoEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.luaj.vm2.LuaValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filters of one Sensor dependency (inventory §4.2), declared by the generated {@code beans:}
 * and used as {@code filter: method: {ref: …, method: accept}}. Supports every filter kind: {@code
 * exprs} (govaluate), {@code data}, {@code context}, {@code time} and {@code script} (Lua), with
 * {@code exprLogicalOperator}, {@code dataLogicalOperator} and {@code filtersLogicalOperator}.
 *
 * <p>As in Argo: with {@code and} (default) every configured kind must pass and any error rejects
 * the event; with {@code or} only configured kinds count and one passing is enough, even if another
 * one failed with an error; a script error rejects the event whatever the operator. Errors are
 * logged with the event id, never the event data.
 */
public class DependencyFilter {
  private static final Logger LOG = LoggerFactory.getLogger(DependencyFilter.class);

  private String sensorName;
  private String dependencyName;
  private String eventSourceName;
  private String eventName;
  private String filtersText;
  private DataFilters data;
  private ExprFilters exprs;
  private TimeWindow time;
  private LuaScript script;
  private String scriptError;
  private EventContext context;
  private boolean or;

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

  public String getFilters() {
    return filtersText;
  }

  /**
   * Parses and compiles the manifest's {@code filters} object (YAML text).
   *
   * <p>Unknown fields were reported by the generator (the runtime trusts generated YAML).
   *
   * @throws IllegalArgumentException naming the field for unsupported filter kinds, an empty
   *     context filter, an unknown comparator or logical operator
   */
  public void setFilters(String yaml) {
    this.filtersText = yaml;
    this.data = null;
    this.exprs = null;
    this.time = null;
    this.script = null;
    this.scriptError = null;
    this.context = null;
    if (yaml == null || yaml.isBlank()) {
      return;
    }
    EventDependencyFilter filters;
    try {
      filters = ArgoMappers.yaml().readValue(yaml, EventDependencyFilter.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          where() + "filters: not a filters object: " + e.getOriginalMessage());
    }
    if (filters == null) {
      return;
    }
    try {
      if (filters.getExprs() != null) {
        exprs =
            ExprFilters.compile(
                filters.getExprs(), filters.getExprLogicalOperator(), "filters.exprs");
        exprs.problems(
            p -> LOG.warn("{}filters.exprs: {}; every event will fail this filter", where(), p));
      } else {
        LogicalOperator.isOr(filters.getExprLogicalOperator(), "filters.exprLogicalOperator");
      }
      if (filters.getData() != null) {
        data =
            DataFilters.compile(
                filters.getData(), filters.getDataLogicalOperator(), "filters.data");
        data.problems(
            p -> LOG.warn("{}filters.data: {}; every event will fail this filter", where(), p));
      } else {
        LogicalOperator.isOr(filters.getDataLogicalOperator(), "filters.dataLogicalOperator");
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where() + e.getMessage(), e);
    }
    if (filters.getContext() != null) {
      context = checkContext(filters.getContext());
    }
    if (filters.getTime() != null) {
      time = new TimeWindow(filters.getTime());
    }
    if (filters.getScript() != null && !filters.getScript().isEmpty()) {
      try {
        script = LuaScript.compile(filters.getScript(), "filters.script");
      } catch (ExpressionException e) {
        scriptError = e.getMessage();
        LOG.warn(
            "{}filters.script: {}; every event with data will fail this filter",
            where(),
            scriptError);
      }
    }
  }

  public String getFiltersLogicalOperator() {
    return or ? "or" : "and";
  }

  /** {@code and} (default, also when empty) or {@code or}. */
  public void setFiltersLogicalOperator(String operator) {
    try {
      this.or = LogicalOperator.isOr(operator, "filtersLogicalOperator");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where() + e.getMessage(), e);
    }
  }

  /**
   * True when the exchange's {@link ArgoEvent} body passes; errors are logged and reject (under
   * and).
   */
  public boolean accept(Exchange exchange) {
    Object body = exchange.getMessage().getBody();
    if (!(body instanceof ArgoEvent)) {
      LOG.error(
          "{}body is {}, not an ArgoEvent; event rejected",
          where(),
          body == null ? "empty" : body.getClass().getName());
      return false;
    }
    ArgoEvent event = (ArgoEvent) body;
    FilterResult result = evaluate(event);
    if (!result.errors().isEmpty()) {
      if (result.match()) {
        LOG.warn(
            "{}event {} passed but with filtering errors: {}",
            where(),
            event.id(),
            result.errors());
      } else {
        LOG.warn(
            "{}event {} rejected by filtering errors: {}", where(), event.id(), result.errors());
      }
    }
    return result.match();
  }

  /** Argo {@code filterEvent}: the combined result of the configured filter kinds. */
  public FilterResult evaluate(ArgoEvent event) {
    boolean hasScript = script != null || scriptError != null;
    if (data == null && exprs == null && context == null && time == null && !hasScript) {
      return FilterResult.PASS;
    }
    List<String> errors = new ArrayList<>();
    FilterResult exprResult = exprs == null ? FilterResult.PASS : exprs.evaluate(event.data());
    if (!or && !exprResult.errors().isEmpty()) {
      return exprResult;
    }
    errors.addAll(exprResult.errors());
    FilterResult dataResult = data == null ? FilterResult.PASS : data.evaluate(event.data());
    if (!or && !dataResult.errors().isEmpty()) {
      return dataResult;
    }
    errors.addAll(dataResult.errors());
    boolean contextMatch = context == null || contextMatches(context, event);
    FilterResult timeResult = time == null ? FilterResult.PASS : time.evaluate(event.time());
    if (!or && !timeResult.errors().isEmpty()) {
      return timeResult;
    }
    errors.addAll(timeResult.errors());
    FilterResult scriptResult = hasScript ? script(event) : FilterResult.PASS;
    if (!scriptResult.errors().isEmpty()) {
      return scriptResult;
    }
    boolean match =
        or
            ? (exprs != null && exprResult.match())
                || (data != null && dataResult.match())
                || (context != null && contextMatch)
                || (time != null && timeResult.match())
                || (hasScript && scriptResult.match())
            : exprResult.match()
                && dataResult.match()
                && contextMatch
                && timeResult.match()
                && scriptResult.match();
    return new FilterResult(match, List.copyOf(errors));
  }

  /**
   * Argo {@code filterScript}: no data passes; passes when the script's last result is {@code
   * true}.
   */
  private FilterResult script(ArgoEvent event) {
    if (event.data() == null || event.data().isNull() || event.data().isMissingNode()) {
      return FilterResult.PASS;
    }
    if (scriptError != null) {
      return FilterResult.error("script: " + scriptError);
    }
    try {
      return script.run(event.data()) == LuaValue.TRUE ? FilterResult.PASS : FilterResult.FAIL;
    } catch (ExpressionException e) {
      return FilterResult.error("script: " + e.getMessage());
    }
  }

  /**
   * Argo {@code filterContext}: every non-empty one of type, subject, source, datacontenttype
   * equal.
   */
  private static boolean contextMatches(EventContext expected, ArgoEvent event) {
    return same(expected.getType(), event.type())
        && same(expected.getSubject(), event.subject())
        && same(expected.getSource(), event.source())
        && same(expected.getDatacontenttype(), event.datacontenttype());
  }

  private static boolean same(String expected, String actual) {
    return expected == null || expected.isEmpty() || Objects.equals(expected, actual);
  }

  private EventContext checkContext(EventContext ctx) {
    if (blank(ctx.getType())
        && blank(ctx.getSubject())
        && blank(ctx.getSource())
        && blank(ctx.getDatacontenttype())) {
      throw new IllegalArgumentException(
          where()
              + "filters.context: no fields specified in ctx filter (aka all events will be discarded)");
    }
    if (!blank(ctx.getId()) || !blank(ctx.getSpecversion()) || !blank(ctx.getTime())) {
      LOG.warn(
          "{}filters.context: id, specversion and time are not compared (as in Argo)", where());
    }
    return ctx;
  }

  private static boolean blank(String s) {
    return s == null || s.isEmpty();
  }

  private String where() {
    return "Sensor '" + sensorName + "' dependency '" + dependencyName + "': ";
  }

  @Override
  public String toString() {
    return "DependencyFilter["
        + sensorName
        + "/"
        + dependencyName
        + " on "
        + eventSourceName
        + "/"
        + eventName
        + "]";
  }
}
