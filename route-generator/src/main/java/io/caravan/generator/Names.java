package io.caravan.generator;

import java.util.regex.Pattern;

/**
 * Route ids, bean names and endpoint URIs built from manifest names. Manifest names used in them
 * must be URI- and id-safe: letters, digits, {@code -} and {@code _}, starting with a letter or
 * digit (no dots, which separate the parts of an id).
 */
public final class Names {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  private Names() {}

  public static boolean isSafe(String name) {
    return name != null && SAFE.matcher(name).matches();
  }

  /**
   * Adds an error to {@code diagnostics} and returns false when {@code name} is not safe; {@code
   * what} says what kind of name it is ("event name", "trigger name").
   */
  public static boolean check(String name, String what, String path, Diagnostics diagnostics) {
    if (name == null || name.isEmpty()) {
      diagnostics.error(path, what + " is missing");
      return false;
    }
    if (!isSafe(name)) {
      diagnostics.error(
          path,
          what
              + " '"
              + name
              + "' must contain only letters, digits, '-' and"
              + " '_' and start with a letter or digit");
      return false;
    }
    return true;
  }

  public static String eventSourceRouteId(String eventSource, String event) {
    return "eventsource." + eventSource + "." + event;
  }

  public static String dependencyRouteId(String sensor, String trigger, String dependency) {
    return "sensor." + sensor + "." + trigger + "." + dependency;
  }

  public static String triggerRouteId(String sensor, String trigger) {
    return "sensor." + sensor + "." + trigger;
  }

  public static String triggerEndpoint(String sensor, String trigger) {
    return "direct:" + triggerRouteId(sensor, trigger);
  }

  public static String dependencyFilterBean(String sensor, String dependency) {
    return "sensor." + sensor + ".dependency." + dependency;
  }

  public static String eventSourceFilterBean(String eventSource, String event) {
    return "eventsource." + eventSource + "." + event + ".filter";
  }

  public static String dependencyTransformBean(String sensor, String dependency) {
    return dependencyFilterBean(sensor, dependency) + ".transform";
  }

  public static String conditionsBean(String sensor, String trigger) {
    return "sensor." + sensor + ".trigger." + trigger + ".conditions";
  }

  public static String templateBean(String sensor, String trigger) {
    return "sensor." + sensor + ".trigger." + trigger + ".template";
  }

  public static String deliveryBean(String sensor, String trigger) {
    return "sensor." + sensor + ".trigger." + trigger + ".delivery";
  }

  public static String dlqTemplateBean(String sensor, String trigger) {
    return "sensor." + sensor + ".trigger." + trigger + ".dlq.template";
  }

  /**
   * The route that executes a fired trigger once per attempt: {@code action.<sensor>.<trigger>}.
   */
  public static String actionRouteId(String sensor, String trigger) {
    return "action." + sensor + "." + trigger;
  }

  public static String actionEndpoint(String sensor, String trigger) {
    return "direct:" + actionRouteId(sensor, trigger);
  }

  /** The route that executes a trigger's dlqTrigger: {@code action.<sensor>.<trigger>.dlq}. */
  public static String dlqActionRouteId(String sensor, String trigger) {
    return actionRouteId(sensor, trigger) + ".dlq";
  }

  public static String dlqActionEndpoint(String sensor, String trigger) {
    return "direct:" + dlqActionRouteId(sensor, trigger);
  }

  /** The bus subject of an event, {@code default.<eventSource>.<event>}. */
  public static String busSubject(String eventSource, String event) {
    return "default." + eventSource + "." + event;
  }
}
