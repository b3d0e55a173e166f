package io.caravan.routes.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.sensor.ExprFilter;
import io.caravan.api.sensor.PayloadField;
import io.caravan.expr.ExpressionException;
import io.caravan.expr.GJson;
import io.caravan.expr.GoValues;
import io.caravan.expr.GovaluateExpression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A dependency's {@code filters.exprs} list (inventory §4.2): each entry binds its {@code fields}
 * (gjson paths into the event data) to names and evaluates its govaluate {@code expr} over them; it
 * passes when the result is the boolean {@code true}. Entries are combined by {@code
 * exprLogicalOperator}. As in Argo: no data passes; a missing field path is an error (under {@code
 * or} it is collected and the next entry is tried); an entry without fields is skipped; an
 * expression that does not parse or evaluate is an error whatever the operator.
 */
final class ExprFilters {
  private final List<Entry> entries;
  private final boolean or;

  private ExprFilters(List<Entry> entries, boolean or) {
    this.entries = entries;
    this.or = or;
  }

  static ExprFilters compile(List<ExprFilter> filters, String logicalOperator, String field) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < filters.size(); i++) {
      ExprFilter filter = filters.get(i);
      String where = field + "[" + i + "]";
      if (filter == null) {
        throw new IllegalArgumentException(where + ": expr filter is empty");
      }
      entries.add(new Entry(filter));
    }
    return new ExprFilters(
        List.copyOf(entries), LogicalOperator.isOr(logicalOperator, "filters.exprLogicalOperator"));
  }

  /** Configuration faults that make an entry fail on every event. */
  void problems(Consumer<String> sink) {
    entries.stream()
        .filter(e -> e.parseError != null)
        .forEach(e -> sink.accept("expr '" + e.source + "': " + e.parseError));
  }

  /** Argo {@code filterExpr}. */
  FilterResult evaluate(JsonNode data) {
    if (data == null || data.isNull() || data.isMissingNode()) {
      return FilterResult.PASS;
    }
    List<String> errors = new ArrayList<>();
    entries:
    for (Entry entry : entries) {
      Map<String, Object> params = new LinkedHashMap<>();
      for (PayloadField field : entry.fields) {
        String path = field.getPath() == null ? "" : field.getPath();
        Optional<JsonNode> found;
        try {
          found = GJson.get(data, path);
        } catch (IllegalArgumentException e) {
          return FilterResult.error(e.getMessage());
        }
        if (found.isEmpty()) {
          String error = "path '" + path + "' does not exist";
          if (!or) {
            return FilterResult.error(error);
          }
          errors.add(error);
          continue entries;
        }
        params.put(field.getName(), GoValues.of(found.get()));
      }
      if (params.isEmpty()) {
        continue;
      }
      if (entry.parseError != null) {
        return FilterResult.error(entry.parseError);
      }
      Object result;
      try {
        result = entry.expression.evaluate(params);
      } catch (ExpressionException e) {
        return FilterResult.error(e.getMessage());
      }
      boolean match = Boolean.TRUE.equals(result);
      if (or && match) {
        return FilterResult.PASS;
      }
      if (!or && !match) {
        return FilterResult.FAIL;
      }
    }
    return or ? new FilterResult(false, List.copyOf(errors)) : FilterResult.PASS;
  }

  private static final class Entry {
    final String source;
    final List<PayloadField> fields;
    final GovaluateExpression expression;
    final String parseError;

    Entry(ExprFilter filter) {
      source = filter.getExpr() == null ? "" : filter.getExpr();
      fields =
          filter.getFields() == null
              ? List.of()
              : filter.getFields().stream().filter(f -> f != null).toList();
      GovaluateExpression parsed = null;
      String error = null;
      try {
        parsed = GovaluateExpression.parse(source);
      } catch (ExpressionException e) {
        error = e.getMessage();
      }
      expression = parsed;
      parseError = error;
    }
  }
}
