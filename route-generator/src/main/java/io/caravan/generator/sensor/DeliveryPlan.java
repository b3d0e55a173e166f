package io.caravan.generator.sensor;

import io.caravan.api.sensor.EventDependency;
import io.caravan.api.sensor.Trigger;
import io.caravan.generator.Names;
import io.caravan.generator.yaml.Ordered;
import io.caravan.generator.yaml.RoutesYaml;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The delivery part of a trigger (docs/sensor-delivery.md): the {@code TriggerDelivery} bean, the
 * action routes it calls once per attempt, and the definition hash that marks the trigger's stored
 * correlation state.
 */
final class DeliveryPlan {
  private DeliveryPlan() {}

  /**
   * 16 hex characters of SHA-256 over the conditions and the definitions of the dependencies they
   * name: when either changes, state stored under the old definition is dropped.
   */
  static String definitionHash(
      ResolvedConditions conditions, Map<String, EventDependency> dependencies) {
    StringBuilder text =
        new StringBuilder("conditions=").append(conditions.expression()).append('\n');
    for (String name : conditions.dependencies()) {
      text.append(RoutesYaml.compactJson(dependencies.get(name))).append('\n');
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * {@code sensor.<sensor>.trigger.<trigger>.delivery}: atLeastOnce, retries, rate limit,
   * dlqTrigger.
   */
  static Map<String, Object> deliveryBean(
      String type, String sensor, String name, Trigger trigger) {
    Trigger dlq = trigger.getDlqTrigger();
    return Ordered.map(
        "name", Names.deliveryBean(sensor, name),
        "type", type,
        "properties",
            Ordered.map(
                "sensorName", sensor,
                "triggerName", name,
                "atLeastOnce", Boolean.TRUE.equals(trigger.getAtLeastOnce()),
                "action", Names.actionEndpoint(sensor, name),
                "retryStrategy",
                    trigger.getRetryStrategy() == null
                        ? null
                        : RoutesYaml.block(trigger.getRetryStrategy()),
                "rateLimit",
                    trigger.getRateLimit() == null
                        ? null
                        : RoutesYaml.block(trigger.getRateLimit()),
                "dlqAction", dlq == null ? null : Names.dlqActionEndpoint(sensor, name),
                "dlqTriggerName", dlq == null ? null : dlq.getTemplate().getName(),
                "dlqRetryStrategy",
                    dlq == null || dlq.getRetryStrategy() == null
                        ? null
                        : RoutesYaml.block(dlq.getRetryStrategy())));
  }

  /**
   * An action route: the template bean, then the sink; {@code triggerMetrics} counts every attempt.
   */
  static Map<String, Object> actionRoute(
      String id, String description, String templateBean, Map<String, Object> sink) {
    return Ordered.map(
        "route",
        Ordered.map(
            "id",
            id,
            "description",
            description,
            "routePolicy",
            "triggerMetrics",
            "from",
            Ordered.map(
                "uri",
                "direct:" + id,
                "steps",
                List.of(
                    Ordered.map("process", Ordered.map("ref", templateBean)),
                    Ordered.map("to", sink)))));
  }
}
