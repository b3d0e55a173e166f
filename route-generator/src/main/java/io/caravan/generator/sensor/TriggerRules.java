package io.caravan.generator.sensor;

import static io.caravan.generator.support.Fields.blank;
import static io.caravan.generator.support.Fields.required;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.sensor.Trigger;
import io.caravan.api.sensor.TriggerPolicy;
import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.api.sensor.TriggerTypes;
import io.caravan.expr.CronSchedule;
import io.caravan.expr.GoDuration;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.support.TimeZones;
import io.caravan.generator.trigger.ParameterRules;
import io.caravan.generator.trigger.TriggerType;
import io.caravan.generator.trigger.TriggerTypeRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Argo's Sensor validation rules for triggers (inventory §4.3–§4.8, §6): names, conditions,
 * delivery settings; each trigger type's own block is checked by its {@link TriggerType}.
 */
final class TriggerRules {

  static final Set<String> RATE_LIMIT_UNITS = Set.of("Second", "Minute", "Hour");

  private TriggerRules() {}

  static void check(List<Trigger> triggers, Set<String> dependencyNames, List<Diagnostic> out) {
    if (triggers == null || triggers.isEmpty()) {
      out.add(Diagnostic.error("spec.triggers", "no triggers found: at least one is required"));
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < triggers.size(); i++) {
      String path = "spec.triggers[" + i + "]";
      Trigger trigger = triggers.get(i);
      if (trigger == null || trigger.getTemplate() == null) {
        out.add(Diagnostic.error(path + ".template", "trigger template is required"));
        continue;
      }
      String name = trigger.getTemplate().getName();
      if (name != null && !name.isEmpty() && !names.add(name)) {
        out.add(
            Diagnostic.error(path + ".template.name", "trigger name '" + name + "' is used twice"));
      }
      trigger(path, trigger, dependencyNames, out);
    }
  }

  private static void trigger(
      String path, Trigger trigger, Set<String> dependencies, List<Diagnostic> out) {
    template(path + ".template", trigger.getTemplate(), dependencies, out);
    ParameterRules.check(path + ".parameters", trigger.getParameters(), true, out);
    policy(path + ".policy", trigger.getPolicy(), out);
    if (trigger.getRateLimit() != null
        && !blank(trigger.getRateLimit().getUnit())
        && !RATE_LIMIT_UNITS.contains(trigger.getRateLimit().getUnit())) {
      out.add(Diagnostic.error(path + ".rateLimit.unit", "unit must be Second, Minute or Hour"));
    }
    retryStrategy(path + ".retryStrategy", trigger.getRetryStrategy(), out);
    if (trigger.getDlqTrigger() != null) {
      if (!Boolean.TRUE.equals(trigger.getAtLeastOnce())) {
        out.add(Diagnostic.error(path + ".atLeastOnce", "a dlqTrigger requires atLeastOnce: true"));
      }
      if (!Boolean.TRUE.equals(trigger.getDlqTrigger().getAtLeastOnce())) {
        out.add(
            Diagnostic.error(
                path + ".dlqTrigger.atLeastOnce",
                "a dlqTrigger must itself set atLeastOnce: true"));
      }
      if (trigger.getDlqTrigger().getTemplate() == null) {
        out.add(Diagnostic.error(path + ".dlqTrigger.template", "trigger template is required"));
      } else {
        trigger(path + ".dlqTrigger", trigger.getDlqTrigger(), dependencies, out);
      }
    }
  }

  /**
   * What the runtime's backoff accepts: a duration in nanoseconds or as a Go duration, nothing
   * negative.
   */
  private static void retryStrategy(
      String path, io.caravan.api.sensor.Backoff backoff, List<Diagnostic> out) {
    if (backoff == null) {
      return;
    }
    JsonNode duration = backoff.getDuration();
    if (duration != null && !duration.isNull() && !duration.isIntegralNumber()) {
      String text = duration.asText().trim();
      boolean valid = text.matches("\\d+");
      if (!valid) {
        java.time.Duration parsed = GoDuration.tryParse(text);
        valid = parsed != null && !parsed.isNegative();
      }
      if (!valid) {
        out.add(
            Diagnostic.error(
                path + ".duration",
                "duration '"
                    + text
                    + "' must be nanoseconds or a Go duration such as 500ms or 2s"));
      }
    }
    if (backoff.getSteps() != null && backoff.getSteps() < 0) {
      out.add(Diagnostic.error(path + ".steps", "steps must not be negative"));
    }
    if ((backoff.getFactor() != null && backoff.getFactor() < 0)
        || (backoff.getJitter() != null && backoff.getJitter() < 0)) {
      out.add(Diagnostic.error(path, "factor and jitter must not be negative"));
    }
  }

  private static void template(
      String path, TriggerTemplate template, Set<String> dependencies, List<Diagnostic> out) {
    required(out, path + ".name", template.getName(), "trigger name");
    if (!blank(template.getConditions())) {
      conditions(path + ".conditions", template.getConditions(), dependencies, out);
    }
    conditionsReset(path + ".conditionsReset", template.getConditionsReset(), out);
    var types = TriggerTypes.setIn(template);
    if (types.isEmpty()) {
      out.add(
          Diagnostic.error(path, "trigger type is not specified: set one of http, log, k8s, …"));
    } else if (types.size() > 1) {
      out.add(
          Diagnostic.warning(
              path,
              "several trigger types "
                  + types.keySet()
                  + "; only '"
                  + types.keySet().iterator().next()
                  + "' is used"));
    }
    types
        .keySet()
        .forEach(
            type -> {
              TriggerType registered = TriggerTypeRegistry.get(type);
              if (registered == null) {
                out.add(
                    Diagnostic.unsupported(
                        path + "." + type, TriggerTypeRegistry.unsupported(type)));
              } else {
                registered.check(path, template, out);
              }
            });
  }

  private static void conditions(
      String path, String expression, Set<String> dependencies, List<Diagnostic> out) {
    ConditionsExpression.Result result = ConditionsExpression.check(expression);
    if (!result.isValid()) {
      out.add(
          Diagnostic.error(path, "invalid conditions '" + expression + "': " + result.problem()));
      return;
    }
    for (String name : result.names()) {
      if (!dependencies.contains(name)) {
        out.add(Diagnostic.error(path, "conditions reference unknown dependency '" + name + "'"));
      }
    }
  }

  private static void conditionsReset(String path, JsonNode resets, List<Diagnostic> out) {
    if (resets == null || !resets.isArray()) {
      return;
    }
    for (int i = 0; i < resets.size(); i++) {
      JsonNode byTime = resets.get(i).path("byTime");
      if (byTime.isMissingNode()) {
        continue;
      }
      String cron = byTime.path("cron").asText("");
      String problem = CronSchedule.problem(cron);
      if (problem != null) {
        out.add(
            Diagnostic.error(
                path + "[" + i + "].byTime.cron", "invalid cron '" + cron + "': " + problem));
      }
      String zone = byTime.path("timezone").asText("");
      if (!TimeZones.isValid(zone)) {
        out.add(
            Diagnostic.error(
                path + "[" + i + "].byTime.timezone", "unknown time zone '" + zone + "'"));
      }
    }
  }

  private static void policy(String path, TriggerPolicy policy, List<Diagnostic> out) {
    if (policy == null) {
      return;
    }
    if (policy.getStatus() != null
        && (policy.getStatus().getAllow() == null || policy.getStatus().getAllow().isEmpty())) {
      out.add(
          Diagnostic.error(
              path + ".status.allow", "status policy needs at least one allowed status"));
    }
    if (policy.getK8s() != null && policy.getK8s().path("labels").isEmpty()) {
      out.add(Diagnostic.error(path + ".k8s.labels", "k8s policy needs labels"));
    }
  }
}
