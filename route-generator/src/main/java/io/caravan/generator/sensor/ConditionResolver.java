package io.caravan.generator.sensor;

import io.caravan.api.sensor.EventDependency;
import io.caravan.generator.Diagnostics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a trigger's {@code conditions} against the Sensor's dependencies as Argo does (§4.3):
 * empty conditions mean the AND of all dependencies in declaration order; {@code -} and {@code _}
 * in names are interchangeable; a name that matches no dependency leaves the trigger inactive.
 */
final class ConditionResolver {

  private final Map<String, EventDependency> dependencies;
  private final Diagnostics diagnostics;

  ConditionResolver(Map<String, EventDependency> dependencies, Diagnostics diagnostics) {
    this.dependencies = dependencies;
    this.diagnostics = diagnostics;
  }

  /** The resolved conditions, or null when the trigger cannot run (reported). */
  ResolvedConditions resolve(String conditions, String path) {
    if (conditions == null || conditions.isBlank()) {
      if (dependencies.isEmpty()) {
        diagnostics.error(path, "the trigger has no valid dependency to wait for");
        return null;
      }
      List<String> all = List.copyOf(dependencies.keySet());
      return new ResolvedConditions(Conditions.allOf(all), all);
    }
    Conditions parsed;
    try {
      parsed = Conditions.parse(conditions);
    } catch (IllegalArgumentException e) {
      diagnostics.error(path, "conditions '" + conditions + "': " + e.getMessage());
      return null;
    }
    Set<String> used = new HashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String name : parsed.names()) {
      String declared = declaredName(name);
      if (declared == null) {
        unknown.add(name);
      } else {
        used.add(declared);
      }
    }
    if (!unknown.isEmpty()) {
      diagnostics.warning(
          path,
          "conditions name no dependency called '"
              + String.join("', '", unknown)
              + "': the trigger is inactive (as in Argo)");
      return null;
    }
    List<String> inDeclarationOrder =
        dependencies.keySet().stream().filter(used::contains).toList();
    return new ResolvedConditions(parsed.rewrite(this::declaredName), inDeclarationOrder);
  }

  /** The declared dependency that {@code name} refers to, or null. */
  private String declaredName(String name) {
    if (dependencies.containsKey(name)) {
      return name;
    }
    String alias = name.replace('-', '_');
    return dependencies.keySet().stream()
        .filter(declared -> declared.replace('-', '_').equals(alias))
        .findFirst()
        .orElse(null);
  }
}
