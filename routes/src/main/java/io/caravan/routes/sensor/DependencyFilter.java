package io.caravan.routes.sensor;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.caravan.api.ArgoMappers;
import io.caravan.api.sensor.EventContext;
import io.caravan.api.sensor.EventDependencyFilter;
import io.caravan.routes.event.ArgoEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filters of one Sensor dependency (inventory §4.2), declared by the generated {@code beans:} and
 * used as {@code filter: method: {ref: …, method: accept}}. Supports the {@code data} and
 * {@code context} filter kinds with {@code dataLogicalOperator} and {@code filtersLogicalOperator};
 * {@code exprs}, {@code time} and {@code script} are rejected when the filters are set.
 *
 * <p>As in Argo: with {@code and} (default) every configured kind must pass and any error rejects the
 * event; with {@code or} only configured kinds count and one passing is enough, even if another one
 * failed with an error. Errors are logged with the event id, never the event data.
 */
public class DependencyFilter {
  private static final Logger LOG = LoggerFactory.getLogger(DependencyFilter.class);

  private String sensorName;
  private String dependencyName;
  private String eventSourceName;
  private String eventName;
  private String filtersText;
  private DataFilters data;
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
   * @throws IllegalArgumentException naming the field for unknown fields, unsupported filter kinds, an
   *     empty context filter, an unknown comparator or logical operator
   */
  public void setFilters(String yaml) {
    this.filtersText = yaml;
    this.data = null;
    this.context = null;
    if (yaml == null || yaml.isBlank()) {
      return;
    }
    EventDependencyFilter filters;
    try {
      filters = ArgoMappers.yaml().readValue(yaml, EventDependencyFilter.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(where() + "filters: not a filters object: " + e.getOriginalMessage());
    }
    if (filters == null) {
      return;
    }
    if (!filters.unknownFields().isEmpty()) {
      throw new IllegalArgumentException(
          where() + "filters." + filters.unknownFields().keySet().iterator().next() + ": unknown field");
    }
    unsupported(filters.getExprs() != null, "exprs");
    unsupported(filters.getExprLogicalOperator() != null && !filters.getExprLogicalOperator().isEmpty(),
        "exprLogicalOperator");
    unsupported(filters.getTime() != null, "time");
    unsupported(filters.getScript() != null && !filters.getScript().isEmpty(), "script");
    try {
      if (filters.getData() != null) {
        data = DataFilters.compile(filters.getData(), filters.getDataLogicalOperator(), "filters.data");
        data.problems(p -> LOG.warn("{}filters.data: {}; every event will fail this filter", where(), p));
      } else {
        LogicalOperator.isOr(filters.getDataLogicalOperator(), "filters.dataLogicalOperator");
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where() + e.getMessage(), e);
    }
    if (filters.getContext() != null) {
      context = checkContext(filters.getContext());
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

  /** True when the exchange's {@link ArgoEvent} body passes; errors are logged and reject (under and). */
  public boolean accept(Exchange exchange) {
    Object body = exchange.getMessage().getBody();
    if (!(body instanceof ArgoEvent)) {
      LOG.error("{}body is {}, not an ArgoEvent; event rejected", where(),
          body == null ? "empty" : body.getClass().getName());
      return false;
    }
    ArgoEvent event = (ArgoEvent) body;
    FilterResult result = evaluate(event);
    if (!result.errors().isEmpty()) {
      if (result.match()) {
        LOG.warn("{}event {} passed but with filtering errors: {}", where(), event.id(), result.errors());
      } else {
        LOG.warn("{}event {} rejected by filtering errors: {}", where(), event.id(), result.errors());
      }
    }
    return result.match();
  }

  /** Argo {@code filterEvent}: the combined result of the configured filter kinds. */
  public FilterResult evaluate(ArgoEvent event) {
    if (data == null && context == null) {
      return FilterResult.PASS;
    }
    FilterResult dataResult = data == null ? FilterResult.PASS : data.evaluate(event.data());
    boolean contextMatch = context == null || contextMatches(context, event);
    List<String> errors = new ArrayList<>(dataResult.errors());
    boolean match = or
        ? (data != null && dataResult.match()) || (context != null && contextMatch)
        : dataResult.match() && contextMatch && errors.isEmpty();
    return new FilterResult(match, List.copyOf(errors));
  }

  /** Argo {@code filterContext}: every non-empty one of type, subject, source, datacontenttype equal. */
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
    if (!ctx.unknownFields().isEmpty()) {
      throw new IllegalArgumentException(
          where() + "filters.context." + ctx.unknownFields().keySet().iterator().next() + ": unknown field");
    }
    if (blank(ctx.getType()) && blank(ctx.getSubject()) && blank(ctx.getSource())
        && blank(ctx.getDatacontenttype())) {
      throw new IllegalArgumentException(where()
          + "filters.context: no fields specified in ctx filter (aka all events will be discarded)");
    }
    if (!blank(ctx.getId()) || !blank(ctx.getSpecversion()) || !blank(ctx.getTime())) {
      LOG.warn("{}filters.context: id, specversion and time are not compared (as in Argo)", where());
    }
    return ctx;
  }

  private static boolean blank(String s) {
    return s == null || s.isEmpty();
  }

  private void unsupported(boolean configured, String kind) {
    if (configured) {
      throw new IllegalArgumentException(where() + "filters." + kind
          + ": unsupported: Caravan does not implement this filter kind yet");
    }
  }

  private String where() {
    return "Sensor '" + sensorName + "' dependency '" + dependencyName + "': ";
  }

  @Override
  public String toString() {
    return "DependencyFilter[" + sensorName + "/" + dependencyName + " on " + eventSourceName + "/"
        + eventName + "]";
  }
}
