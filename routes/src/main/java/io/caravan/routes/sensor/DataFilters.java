package io.caravan.routes.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.caravan.api.sensor.DataFilter;
import io.caravan.expr.GJson;
import io.caravan.expr.GoTemplate;
import io.caravan.expr.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A dependency's {@code filters.data} list, compiled once (inventory §4.2): gjson path, optional Go
 * template over the value's string form ({@code .Input}), then by {@code type}: {@code bool} by
 * ParseBool equality, {@code number} as float64 with the comparator, {@code string} as unanchored
 * RE2 regular expressions ({@code =} matches, {@code !=} does not match, other comparators never
 * pass). Values are OR-ed. Faults Argo only finds per event (no values, bad type, bad value, bad
 * template) stay per-event errors, as in Argo; {@link #problems} lists them up front.
 */
final class DataFilters {
  enum Comparator {
    EQ,
    NE,
    GT,
    GE,
    LT,
    LE
  }

  private final List<Entry> entries;
  private final boolean or;

  private DataFilters(List<Entry> entries, boolean or) {
    this.entries = entries;
    this.or = or;
  }

  /**
   * @throws IllegalArgumentException for a comparator Argo does not define
   */
  static DataFilters compile(List<DataFilter> filters, String logicalOperator, String field) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < filters.size(); i++) {
      entries.add(new Entry(filters.get(i), field + "[" + i + "]"));
    }
    return new DataFilters(
        List.copyOf(entries), LogicalOperator.isOr(logicalOperator, "filters.dataLogicalOperator"));
  }

  /** Configuration faults that will make the filter fail on every event. */
  void problems(Consumer<String> sink) {
    entries.forEach(e -> e.problems(sink));
  }

  /** Argo {@code filterData}: no data passes; under AND the first error or miss rejects. */
  FilterResult evaluate(JsonNode data) {
    if (data == null || data.isNull() || data.isMissingNode()) {
      return FilterResult.PASS;
    }
    List<String> errors = new ArrayList<>();
    for (Entry entry : entries) {
      String error;
      boolean match;
      try {
        match = entry.matches(data);
        error = null;
      } catch (FilterError e) {
        match = false;
        error = e.getMessage();
      }
      if (or) {
        if (match) {
          return FilterResult.PASS;
        }
        if (error != null) {
          errors.add(error);
        }
      } else if (error != null) {
        return FilterResult.error(error);
      } else if (!match) {
        return FilterResult.FAIL;
      }
    }
    return or ? new FilterResult(false, List.copyOf(errors)) : FilterResult.PASS;
  }

  /** A per-event filter error with Argo's wording; never contains event data. */
  static final class FilterError extends Exception {
    FilterError(String message) {
      super(message, null, false, false);
    }
  }

  private static final class Entry {
    private final String path;
    private final String type;
    private final Comparator comparator;
    private final List<String> values;
    private final GoTemplate template;
    private final String templateSource;
    private final String templateError;
    private final List<Object> compiled = new ArrayList<>();

    Entry(DataFilter filter, String field) {
      path = filter.getPath() == null ? "" : filter.getPath();
      type = filter.getType() == null ? "" : filter.getType();
      comparator = comparator(filter.getComparator(), field + ".comparator");
      values = filter.getValue() == null ? List.of() : List.copyOf(filter.getValue());
      templateSource =
          filter.getTemplate() == null || filter.getTemplate().isEmpty()
              ? null
              : filter.getTemplate();
      GoTemplate parsed = null;
      String error = null;
      if (templateSource != null) {
        try {
          parsed = GoTemplate.parse(templateSource);
        } catch (TemplateException e) {
          error = e.getMessage();
        }
      }
      template = parsed;
      templateError = error;
      for (String value : values) {
        compiled.add(compileValue(value));
      }
    }

    private Object compileValue(String value) {
      switch (type) {
        case "bool":
          {
            Boolean b = GJson.parseBool(value).orElse(null);
            return b != null ? b : "strconv.ParseBool: parsing \"" + value + "\": invalid syntax";
          }
        case "number":
          {
            Double d = GJson.parseFloat(value).orElse(null);
            return d != null ? d : "strconv.ParseFloat: parsing \"" + value + "\": invalid syntax";
          }
        case "string":
          try {
            return Pattern.compile(value);
          } catch (PatternSyntaxException e) {
            return "error parsing regexp: " + e.getDescription() + ": `" + value + "`";
          }
        default:
          return null;
      }
    }

    void problems(Consumer<String> sink) {
      if (values.isEmpty()) {
        sink.accept("path '" + path + "': no values specified");
      }
      if (templateError != null) {
        sink.accept("path '" + path + "': template: " + templateError);
      }
      if (!type.equals("bool") && !type.equals("number") && !type.equals("string")) {
        sink.accept("path '" + path + "': unsupported JSON type '" + type + "'");
      }
      compiled.stream()
          .filter(String.class::isInstance)
          .forEach(c -> sink.accept("path '" + path + "': " + c));
      if (type.equals("string") && comparator != Comparator.EQ && comparator != Comparator.NE) {
        sink.accept("path '" + path + "': comparator " + comparator + " never matches a string");
      }
    }

    boolean matches(JsonNode data) throws FilterError {
      Optional<JsonNode> found;
      try {
        found = GJson.get(data, path);
      } catch (IllegalArgumentException e) {
        throw new FilterError(e.getMessage());
      }
      if (found.isEmpty()) {
        throw new FilterError("path '" + path + "' does not exist");
      }
      if (values.isEmpty()) {
        throw new FilterError("no values specified");
      }
      JsonNode value = found.get();
      if (templateSource != null) {
        value = TextNode.valueOf(render(GJson.text(value)));
      }
      switch (type) {
        case "bool":
          {
            boolean actual = GJson.toBool(value);
            for (Object expected : compiled) {
              if (expected instanceof String) {
                throw new FilterError((String) expected);
              }
              if ((Boolean) expected == actual) {
                return true;
              }
            }
            return false;
          }
        case "number":
          {
            double actual = GJson.toFloat(value);
            for (Object expected : compiled) {
              if (expected instanceof String) {
                throw new FilterError((String) expected);
              }
              if (compare(actual, (Double) expected)) {
                return true;
              }
            }
            return false;
          }
        case "string":
          {
            String actual = GJson.text(value);
            for (Object expected : compiled) {
              if (expected instanceof String) {
                throw new FilterError((String) expected);
              }
              boolean hit = ((Pattern) expected).matcher(actual).find();
              if ((comparator == Comparator.EQ && hit) || (comparator == Comparator.NE && !hit)) {
                return true;
              }
            }
            return false;
          }
        default:
          throw new FilterError("unsupported JSON type '" + type + "'");
      }
    }

    private String render(String input) throws FilterError {
      if (templateError != null) {
        throw new FilterError(templateError);
      }
      String out;
      try {
        out = template.executeInputValue(input);
      } catch (TemplateException e) {
        throw new FilterError(e.getMessage());
      }
      if (out.isEmpty() || out.equals("<no value>")) {
        throw new FilterError("template evaluated to empty string or no value: " + templateSource);
      }
      return out;
    }

    private boolean compare(double actual, double expected) {
      switch (comparator) {
        case GT:
          return actual > expected;
        case GE:
          return actual >= expected;
        case LT:
          return actual < expected;
        case LE:
          return actual <= expected;
        case NE:
          return actual != expected;
        default:
          return actual == expected;
      }
    }
  }

  private static Comparator comparator(String text, String field) {
    switch (text == null ? "" : text) {
      case "":
      case "=":
        return Comparator.EQ;
      case "!=":
        return Comparator.NE;
      case ">":
        return Comparator.GT;
      case ">=":
        return Comparator.GE;
      case "<":
        return Comparator.LT;
      case "<=":
        return Comparator.LE;
      default:
        throw new IllegalArgumentException(
            field + ": unknown comparator '" + text + "' (one of =, !=, >, >=, <, <=)");
    }
  }
}
