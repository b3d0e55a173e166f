package io.caravan.generator.sensor;

import static io.caravan.generator.support.Fields.blank;
import static io.caravan.generator.support.Fields.required;

import io.caravan.api.sensor.DataFilter;
import io.caravan.api.sensor.EventContext;
import io.caravan.api.sensor.EventDependency;
import io.caravan.api.sensor.EventDependencyFilter;
import io.caravan.api.sensor.ExprFilter;
import io.caravan.api.sensor.Sensor;
import io.caravan.api.sensor.SensorSpec;
import io.caravan.api.sensor.TimeFilter;
import io.caravan.generator.DeploymentSettings;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.support.ExpressionSyntax;
import io.caravan.generator.support.ScriptSyntax;
import io.caravan.generator.support.TimeZones;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Argo's Sensor validation rules for dependencies and their filters (inventory §4.1, §4.2, §6). */
public final class SensorRules {

  static final Set<String> LOGICAL_OPERATORS = Set.of("and", "or");
  static final Set<String> DATA_TYPES = Set.of("bool", "number", "string");
  static final Set<String> COMPARATORS = Set.of(">=", ">", "=", "!=", "<", "<=");

  /** Go's layout {@code 15:04:05}: the hour may have one digit, minutes and seconds need two. */
  private static final Pattern TIME_OF_DAY = Pattern.compile("([01]?\\d|2[0-3]):[0-5]\\d:[0-5]\\d");

  private SensorRules() {}

  public static void check(Sensor sensor, List<Diagnostic> out) {
    SensorSpec deployment = sensor.getSpec();
    DeploymentSettings.applied(out, "spec.template", deployment.getTemplate(), "pod template");
    DeploymentSettings.applied(
        out,
        "spec.replicas",
        deployment.getReplicas(),
        "replicas (Sensor replicas run active-active)");
    DeploymentSettings.applied(
        out,
        "spec.revisionHistoryLimit",
        deployment.getRevisionHistoryLimit(),
        "revisionHistoryLimit");
    DeploymentSettings.ignored(
        out,
        "spec.errorOnFailedRound",
        deployment.getErrorOnFailedRound(),
        "errorOnFailedRound (Argo ignores it too)");
    DeploymentSettings.ignored(
        out,
        "spec.loggingFields",
        deployment.getLoggingFields(),
        "loggingFields (Argo ignores it too)");
    SensorSpec spec = sensor.getSpec();
    Set<String> dependencyNames = dependencies(spec.getDependencies(), out);
    TriggerRules.check(spec.getTriggers(), dependencyNames, out);
  }

  /** Checks the dependencies and returns their names. */
  private static Set<String> dependencies(
      List<EventDependency> dependencies, List<Diagnostic> out) {
    Set<String> names = new LinkedHashSet<>();
    if (dependencies == null || dependencies.isEmpty()) {
      out.add(
          Diagnostic.error(
              "spec.dependencies", "no event dependencies found: at least one is required"));
      return names;
    }
    for (int i = 0; i < dependencies.size(); i++) {
      String path = "spec.dependencies[" + i + "]";
      EventDependency dependency = dependencies.get(i);
      if (dependency == null) {
        out.add(Diagnostic.error(path, "dependency is empty"));
        continue;
      }
      required(out, path + ".name", dependency.getName(), "dependency name");
      required(out, path + ".eventSourceName", dependency.getEventSourceName(), "eventSourceName");
      required(out, path + ".eventName", dependency.getEventName(), "eventName");
      if (dependency.getName() != null && !names.add(dependency.getName())) {
        out.add(
            Diagnostic.error(
                path + ".name", "dependency name '" + dependency.getName() + "' is used twice"));
      }
      operator(out, path + ".filtersLogicalOperator", dependency.getFiltersLogicalOperator());
      if (dependency.getFilters() != null) {
        filters(path + ".filters", dependency.getFilters(), out);
      }
      ScriptSyntax.check(path, dependency, out);
      ExpressionSyntax.dependency(path, dependency, out);
    }
    return names;
  }

  private static void filters(String path, EventDependencyFilter filters, List<Diagnostic> out) {
    operator(out, path + ".dataLogicalOperator", filters.getDataLogicalOperator());
    operator(out, path + ".exprLogicalOperator", filters.getExprLogicalOperator());
    List<DataFilter> data = filters.getData() == null ? List.of() : filters.getData();
    for (int i = 0; i < data.size(); i++) {
      dataFilter(path + ".data[" + i + "]", data.get(i), out);
    }
    List<ExprFilter> exprs = filters.getExprs() == null ? List.of() : filters.getExprs();
    for (int i = 0; i < exprs.size(); i++) {
      ExprFilter expr = exprs.get(i);
      String p = path + ".exprs[" + i + "]";
      required(out, p + ".expr", expr == null ? null : expr.getExpr(), "expr");
      if (expr != null && (expr.getFields() == null || expr.getFields().isEmpty())) {
        out.add(Diagnostic.error(p + ".fields", "fields are required"));
      } else if (expr != null) {
        for (int f = 0; f < expr.getFields().size(); f++) {
          var field = expr.getFields().get(f);
          if (field == null || blank(field.getPath()) || blank(field.getName())) {
            out.add(
                Diagnostic.error(
                    p + ".fields[" + f + "]", "path and name of a field are required"));
          }
        }
      }
    }
    if (filters.getContext() != null) {
      EventContext context = filters.getContext();
      if (blank(context.getType())
          && blank(context.getSubject())
          && blank(context.getSource())
          && blank(context.getDatacontenttype())) {
        out.add(
            Diagnostic.error(
                path + ".context",
                "no fields specified in context filter: set type, subject, source or datacontenttype"));
      }
    }
    if (filters.getTime() != null) {
      timeFilter(path + ".time", filters.getTime(), out);
    }
  }

  private static void dataFilter(String path, DataFilter filter, List<Diagnostic> out) {
    if (filter == null) {
      out.add(Diagnostic.error(path, "data filter is empty"));
      return;
    }
    required(out, path + ".path", filter.getPath(), "path");
    if (blank(filter.getType())) {
      out.add(Diagnostic.error(path + ".type", "type is required"));
    } else if (!DATA_TYPES.contains(filter.getType())) {
      out.add(
          Diagnostic.error(
              path + ".type",
              "type '" + filter.getType() + "' must be one of bool, number, string"));
    }
    if (filter.getValue() == null || filter.getValue().isEmpty()) {
      out.add(Diagnostic.error(path + ".value", "value must have at least one entry"));
    } else {
      for (int i = 0; i < filter.getValue().size(); i++) {
        String value = filter.getValue().get(i);
        if (value == null || value.isBlank()) {
          out.add(Diagnostic.error(path + ".value[" + i + "]", "value must not be empty"));
        }
      }
    }
    if (!blank(filter.getComparator()) && !COMPARATORS.contains(filter.getComparator())) {
      out.add(
          Diagnostic.error(
              path + ".comparator",
              "comparator '" + filter.getComparator() + "' must be one of >=, >, =, !=, <, <="));
    }
  }

  private static void timeFilter(String path, TimeFilter time, List<Diagnostic> out) {
    boolean validStart = timeOfDay(out, path + ".start", time.getStart());
    boolean validStop = timeOfDay(out, path + ".stop", time.getStop());
    if (validStart && validStop && secondOfDay(time.getStart()) == secondOfDay(time.getStop())) {
      out.add(
          Diagnostic.error(
              path + ".stop",
              "stop '"
                  + time.getStop()
                  + "' is equal to start '"
                  + time.getStart()
                  + "': the window would be empty"));
    }
    if (!TimeZones.isValid(time.getTimezone())) {
      out.add(
          Diagnostic.error(path + ".timezone", "invalid timezone '" + time.getTimezone() + "'"));
    }
  }

  private static int secondOfDay(String time) {
    String[] parts = time.split(":");
    return Integer.parseInt(parts[0]) * 3600
        + Integer.parseInt(parts[1]) * 60
        + Integer.parseInt(parts[2]);
  }

  private static boolean timeOfDay(List<Diagnostic> out, String path, String value) {
    if (value == null || !TIME_OF_DAY.matcher(value).matches()) {
      out.add(
          Diagnostic.error(
              path,
              "expected a time of day HH:MM:SS (the hour may have one digit), found "
                  + (value == null ? "nothing" : "'" + value + "'")));
      return false;
    }
    return true;
  }

  static void operator(List<Diagnostic> out, String path, String value) {
    if (!blank(value) && !LOGICAL_OPERATORS.contains(value)) {
      out.add(Diagnostic.error(path, "logical operator '" + value + "' must be 'and' or 'or'"));
    }
  }
}
