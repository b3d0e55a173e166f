package io.caravan.generator.sensor;

import io.caravan.api.sensor.EventDependency;
import io.caravan.api.sensor.Sensor;
import io.caravan.api.sensor.SensorSpec;
import io.caravan.api.sensor.Trigger;
import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.api.sensor.TriggerTypes;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.Fnv32a;
import io.caravan.generator.Names;
import io.caravan.generator.trigger.TriggerInput;
import io.caravan.generator.trigger.TriggerType;
import io.caravan.generator.trigger.TriggerTypeRegistry;
import io.caravan.generator.yaml.Ordered;
import io.caravan.generator.yaml.RoutesYaml;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compiles a Sensor (inventory §4): one {@code DependencyFilter} bean per dependency; per trigger a
 * {@code TriggerConditions} and a {@code TriggerTemplate} bean, one {@code eventbus:} route per
 * dependency its conditions name, and the trigger route ending in the trigger type's sink. Trigger
 * types without a registered {@link TriggerType} are reported as unsupported.
 */
public final class SensorTranslator {

  // Bean types of the route contract (docs/generated-routes.md): stable names the runtime binds, no
  // classes.
  private static final String CONDITIONS_TYPE = "caravan:trigger-conditions";
  private static final String TEMPLATE_TYPE = "caravan:trigger-template";
  private static final String DELIVERY_TYPE = "caravan:trigger-delivery";

  private final Map<String, TriggerType> translators;

  /** The translator of every registered trigger type ({@link TriggerTypeRegistry}). */
  public SensorTranslator() {
    this(TriggerTypeRegistry.all());
  }

  public SensorTranslator(List<TriggerType> translators) {
    this.translators =
        translators.stream()
            .collect(
                Collectors.toMap(
                    TriggerType::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  /** The items of the Sensor's document: one {@code beans:} item, then the routes. */
  public List<Map<String, Object>> translate(Sensor sensor, Diagnostics diagnostics) {
    String name = sensor.name();
    SensorSpec spec = sensor.getSpec();
    if (!Names.check(name, "Sensor name", "metadata.name", diagnostics)) {
      return List.of();
    }
    if (spec == null) {
      diagnostics.error("spec", "spec is missing");
      return List.of();
    }
    Map<String, EventDependency> dependencies = SensorDependencies.dependencies(spec, diagnostics);
    List<Object> triggerBeans = new ArrayList<>();
    List<Map<String, Object>> routes = new ArrayList<>();
    Set<String> listened = new HashSet<>();
    List<Trigger> triggers = spec.getTriggers() == null ? List.of() : spec.getTriggers();
    if (triggers.isEmpty()) {
      diagnostics.error("spec.triggers", "at least one trigger is required");
    }
    Set<String> triggerNames = new HashSet<>();
    for (int i = 0; i < triggers.size(); i++) {
      String path = "spec.triggers[" + i + "]";
      new TriggerPlan(sensor, triggers.get(i), path, dependencies, triggerNames, diagnostics)
          .addTo(triggerBeans, routes, listened);
    }
    List<Map<String, Object>> items = new ArrayList<>();
    if (!routes.isEmpty()) {
      // Filter beans only for the dependencies that a generated trigger listens to.
      List<Object> beans = new ArrayList<>();
      dependencies.values().stream()
          .filter(dependency -> listened.contains(dependency.getName()))
          .forEach(
              dependency -> {
                beans.add(SensorDependencies.filterBean(name, dependency));
                if (SensorDependencies.hasTransform(dependency)) {
                  beans.add(SensorDependencies.transformBean(name, dependency));
                }
              });
      beans.addAll(triggerBeans);
      items.add(Ordered.map("beans", beans));
      items.addAll(routes);
    }
    return items;
  }

  /** Everything generated for one trigger, or nothing when it cannot run. */
  private final class TriggerPlan {
    private final String sensor;
    private final String namespace;
    private final Map<String, String> annotations;
    private final Trigger trigger;
    private final String path;
    private final Map<String, EventDependency> dependencies;
    private final Set<String> triggerNames;
    private final Diagnostics diagnostics;

    TriggerPlan(
        Sensor sensor,
        Trigger trigger,
        String path,
        Map<String, EventDependency> dependencies,
        Set<String> triggerNames,
        Diagnostics diagnostics) {
      this.sensor = sensor.name();
      this.namespace = sensor.namespace();
      this.annotations =
          sensor.getMetadata() == null ? null : sensor.getMetadata().getAnnotations();
      this.trigger = trigger;
      this.path = path;
      this.dependencies = dependencies;
      this.triggerNames = triggerNames;
      this.diagnostics = diagnostics;
    }

    /** Adds the trigger's beans and routes and the names of the dependencies it listens to. */
    void addTo(List<Object> beans, List<Map<String, Object>> routes, Set<String> listened) {
      TriggerTemplate template = trigger == null ? null : trigger.getTemplate();
      if (template == null) {
        diagnostics.error(path + ".template", "template is required");
        return;
      }
      String name = template.getName();
      if (!Names.check(name, "trigger name", path + ".template.name", diagnostics)) {
        return;
      }
      if (!triggerNames.add(name)) {
        diagnostics.error(path + ".template.name", "trigger name '" + name + "' is used twice");
        return;
      }
      ResolvedConditions conditions =
          new ConditionResolver(dependencies, diagnostics)
              .resolve(template.getConditions(), path + ".template.conditions");
      String type = chooseType(template);
      if (conditions == null || type == null) {
        return;
      }
      TriggerType translator = translators.get(type);
      if (translator == null) {
        diagnostics.unsupported(path + ".template." + type, TriggerTypeRegistry.unsupported(type));
        return;
      }
      Map<String, Object> sink =
          translator.sink(
              new TriggerInput(sensor, namespace, name, trigger, path, annotations), diagnostics);
      if (sink == null) {
        return;
      }
      Trigger dlq = trigger.getDlqTrigger();
      Map<String, Object> dlqSink = dlq == null ? null : dlqSink(dlq);
      if (dlq != null && dlqSink == null) {
        return;
      }
      beans.add(
          Ordered.map(
              "name", Names.conditionsBean(sensor, name),
              "type", CONDITIONS_TYPE,
              "properties",
                  Ordered.map(
                      "sensorName",
                      sensor,
                      "triggerName",
                      name,
                      "conditions",
                      conditions.expression(),
                      "definition",
                      DeliveryPlan.definitionHash(conditions, dependencies),
                      "conditionsReset",
                      template.getConditionsReset() == null
                          ? null
                          : RoutesYaml.block(template.getConditionsReset()))));
      beans.add(
          Ordered.map(
              "name", Names.templateBean(sensor, name),
              "type", TEMPLATE_TYPE,
              "properties",
                  Ordered.map(
                      "sensorName", sensor,
                      "triggerName", name,
                      "namespace", namespace,
                      "triggerType", type,
                      "trigger", RoutesYaml.block(trigger))));
      beans.add(DeliveryPlan.deliveryBean(DELIVERY_TYPE, sensor, name, trigger));
      if (dlq != null) {
        beans.add(
            Ordered.map(
                "name", Names.dlqTemplateBean(sensor, name),
                "type", TEMPLATE_TYPE,
                "properties",
                    Ordered.map(
                        "sensorName", sensor,
                        "triggerName", dlq.getTemplate().getName(),
                        "namespace", namespace,
                        "triggerType",
                            TriggerTypes.setIn(dlq.getTemplate()).keySet().iterator().next(),
                        "trigger", RoutesYaml.block(dlq))));
      }
      for (String dependency : conditions.dependencies()) {
        routes.add(dependencyRoute(name, dependencies.get(dependency)));
        listened.add(dependency);
      }
      routes.add(triggerRoute(name, type, conditions.expression()));
      routes.add(
          DeliveryPlan.actionRoute(
              Names.actionRouteId(sensor, name),
              "trigger '" + name + "' (" + type + "), once per attempt",
              Names.templateBean(sensor, name),
              sink));
      if (dlq != null) {
        routes.add(
            DeliveryPlan.actionRoute(
                Names.dlqActionRouteId(sensor, name),
                "dlqTrigger '" + dlq.getTemplate().getName() + "' of trigger '" + name + "'",
                Names.dlqTemplateBean(sensor, name),
                dlqSink));
      }
    }

    /** The sink of the trigger's dlqTrigger, or null (reported) when it cannot run. */
    private Map<String, Object> dlqSink(Trigger dlq) {
      String dlqPath = path + ".dlqTrigger";
      TriggerTemplate dlqTemplate = dlq.getTemplate();
      if (dlqTemplate == null
          || !Names.check(
              dlqTemplate.getName(), "trigger name", dlqPath + ".template.name", diagnostics)) {
        if (dlqTemplate == null) {
          diagnostics.error(dlqPath + ".template", "template is required");
        }
        return null;
      }
      List<String> types = List.copyOf(TriggerTypes.setIn(dlqTemplate).keySet());
      if (types.isEmpty()) {
        diagnostics.error(
            dlqPath + ".template", "no trigger type (such as http, k8s or log) is set");
        return null;
      }
      TriggerType translator = translators.get(types.get(0));
      if (translator == null) {
        diagnostics.unsupported(
            dlqPath + ".template." + types.get(0), "trigger type '" + types.get(0) + "'");
        return null;
      }
      return translator.sink(
          new TriggerInput(sensor, namespace, dlqTemplate.getName(), dlq, dlqPath), diagnostics);
    }

    /** The type Argo would run (the first set, in Argo's order), or null when none is set. */
    private String chooseType(TriggerTemplate template) {
      List<String> set = List.copyOf(TriggerTypes.setIn(template).keySet());
      if (set.isEmpty()) {
        String unknown =
            template.unknownFields().isEmpty()
                ? ""
                : " (unknown fields: " + String.join(", ", template.unknownFields().keySet()) + ")";
        diagnostics.error(
            path + ".template", "no trigger type (such as http, k8s or log) is set" + unknown);
        return null;
      }
      if (set.size() > 1) {
        diagnostics.warning(
            path + ".template",
            "several trigger types are set ("
                + String.join(", ", set)
                + "): only '"
                + set.get(0)
                + "' runs");
      }
      return set.get(0);
    }

    private Map<String, Object> dependencyRoute(String triggerName, EventDependency dependency) {
      String dependencyName = dependency.getName();
      String source = dependency.getEventSourceName() + "/" + dependency.getEventName();
      return Ordered.map(
          "route",
          Ordered.map(
              "id", Names.dependencyRouteId(sensor, triggerName, dependencyName),
              "description",
                  "dependency '"
                      + dependencyName
                      + "' ("
                      + source
                      + ") of trigger '"
                      + triggerName
                      + "'",
              "from",
                  Ordered.map(
                      "uri", "eventbus:" + source,
                      "parameters",
                          Ordered.map(
                              "durableName",
                                  Fnv32a.durableName(sensor, triggerName, dependencyName),
                              "sensorName", sensor,
                              "triggerName", triggerName,
                              "dependencyName", dependencyName),
                      "steps", dependencySteps(triggerName, dependency))));
    }

    /** The transform (when the dependency has one, Argo runs it first), then the filter. */
    private List<Object> dependencySteps(String triggerName, EventDependency dependency) {
      String dependencyName = dependency.getName();
      List<Object> steps = new ArrayList<>();
      if (SensorDependencies.hasTransform(dependency)) {
        steps.add(
            Ordered.map(
                "bean",
                Ordered.map(
                    "ref",
                    Names.dependencyTransformBean(sensor, dependencyName),
                    "method",
                    "transform")));
      }
      steps.add(
          Ordered.map(
              "filter",
              Ordered.map(
                  "method",
                      Ordered.map(
                          "ref",
                          Names.dependencyFilterBean(sensor, dependencyName),
                          "method",
                          "accept"),
                  "steps",
                      List.of(Ordered.map("to", Names.triggerEndpoint(sensor, triggerName))))));
      return steps;
    }

    private Map<String, Object> triggerRoute(String triggerName, String type, String expression) {
      return Ordered.map(
          "route",
          Ordered.map(
              "id", Names.triggerRouteId(sensor, triggerName),
              "description", "trigger '" + triggerName + "' (" + type + ") when " + expression,
              "from",
                  Ordered.map(
                      "uri", Names.triggerEndpoint(sensor, triggerName),
                      "steps",
                          List.of(
                              Ordered.map(
                                  "process",
                                  Ordered.map("ref", Names.conditionsBean(sensor, triggerName))),
                              Ordered.map(
                                  "process",
                                  Ordered.map("ref", Names.deliveryBean(sensor, triggerName)))))));
    }
  }
}
