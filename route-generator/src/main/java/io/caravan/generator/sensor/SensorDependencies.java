package io.caravan.generator.sensor;

import io.caravan.api.sensor.EventDependency;
import io.caravan.api.sensor.EventDependencyTransformer;
import io.caravan.api.sensor.SensorSpec;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.Names;
import io.caravan.generator.yaml.Ordered;
import io.caravan.generator.yaml.RoutesYaml;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Sensor's dependencies: Argo's checks of each (names, {@code filtersLogicalOperator}) and the
 * beans the routes name for it, {@code caravan:dependency-filter} and, with a jq or script
 * transform, {@code caravan:dependency-transform}.
 */
final class SensorDependencies {

  // Bean types of the route contract (docs/generated-routes.md).
  private static final String FILTER_TYPE = "caravan:dependency-filter";
  private static final String TRANSFORM_TYPE = "caravan:dependency-transform";

  private SensorDependencies() {}

  /** The valid dependencies by name, in declaration order; invalid ones are reported. */
  static Map<String, EventDependency> dependencies(SensorSpec spec, Diagnostics diagnostics) {
    Map<String, EventDependency> valid = new LinkedHashMap<>();
    List<EventDependency> declared =
        spec.getDependencies() == null ? List.of() : spec.getDependencies();
    if (declared.isEmpty()) {
      diagnostics.error("spec.dependencies", "at least one dependency is required");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < declared.size(); i++) {
      EventDependency dependency = declared.get(i);
      String path = "spec.dependencies[" + i + "]";
      if (dependency == null) {
        diagnostics.error(path, "dependency is empty");
        continue;
      }
      boolean ok =
          Names.check(dependency.getName(), "dependency name", path + ".name", diagnostics);
      if (ok && !seen.add(dependency.getName())) {
        diagnostics.error(
            path + ".name", "dependency name '" + dependency.getName() + "' is used twice");
        continue;
      }
      ok &=
          Names.check(
              dependency.getEventSourceName(),
              "eventSourceName",
              path + ".eventSourceName",
              diagnostics);
      ok &= Names.check(dependency.getEventName(), "eventName", path + ".eventName", diagnostics);
      String operator = dependency.getFiltersLogicalOperator();
      if (operator != null
          && !operator.isEmpty()
          && !operator.equals("and")
          && !operator.equals("or")) {
        diagnostics.error(
            path + ".filtersLogicalOperator",
            "filtersLogicalOperator '" + operator + "' must be 'and' or 'or'");
        ok = false;
      }
      if (ok) {
        valid.put(dependency.getName(), dependency);
      }
    }
    return valid;
  }

  static Map<String, Object> filterBean(String sensor, EventDependency dependency) {
    String operator = dependency.getFiltersLogicalOperator();
    return Ordered.map(
        "name", Names.dependencyFilterBean(sensor, dependency.getName()),
        "type", FILTER_TYPE,
        "properties",
            Ordered.map(
                "sensorName",
                sensor,
                "dependencyName",
                dependency.getName(),
                "eventSourceName",
                dependency.getEventSourceName(),
                "eventName",
                dependency.getEventName(),
                "filters",
                dependency.getFilters() == null ? null : RoutesYaml.block(dependency.getFilters()),
                "filtersLogicalOperator",
                operator == null || operator.isEmpty() ? null : operator));
  }

  /** A transform with jq or a script (an empty one changes nothing and gets no bean). */
  static boolean hasTransform(EventDependency dependency) {
    EventDependencyTransformer transform = dependency.getTransform();
    return transform != null
        && ((transform.getJq() != null && !transform.getJq().isEmpty())
            || (transform.getScript() != null && !transform.getScript().isEmpty()));
  }

  static Map<String, Object> transformBean(String sensor, EventDependency dependency) {
    return Ordered.map(
        "name", Names.dependencyTransformBean(sensor, dependency.getName()),
        "type", TRANSFORM_TYPE,
        "properties",
            Ordered.map(
                "sensorName", sensor,
                "dependencyName", dependency.getName(),
                "transform", RoutesYaml.block(dependency.getTransform())));
  }
}
