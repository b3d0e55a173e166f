package io.caravan.generator.validation;

import io.caravan.api.common.SecretKeySelector;
import io.caravan.api.eventsource.EventSource;
import io.caravan.api.eventsource.EventSourceSpec;
import io.caravan.api.eventsource.EventSourceTypes;
import io.caravan.api.eventsource.WebhookContext;
import io.caravan.generator.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Argo's EventSource validation rules (inventory §1.1, §1.4, §1.5.1); calendar entries: {@link CalendarRules}. */
final class EventSourceRules {

  /** What a ConfigMap data key allows (the key of calendar persistence is {@code <source>.<event>}). */
  private static final Pattern CONFIG_MAP_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

  private EventSourceRules() {}

  static void check(EventSource source, List<Diagnostic> out) {
    String name = source.name();
    if (name != null && name.contains(".")) {
      out.add(Diagnostic.error("metadata.name", "EventSource name '" + name + "' must not contain '.'"));
    }
    EventSourceSpec spec = source.getSpec();
    Map<String, List<String>> eventsByType = eventNamesByType(spec);
    if (eventsByType.values().stream().allMatch(List::isEmpty)) {
      out.add(Diagnostic.error("spec", "at least one event source must be specified"));
      return;
    }
    eventNames(eventsByType, out);
    updateStrategies(eventsByType, out);
    if (spec.getWebhook() != null) {
      spec.getWebhook().forEach((event, webhook) -> {
        String path = "spec.webhook." + event;
        if (webhook == null) {
          out.add(Diagnostic.error(path, "webhook event '" + event + "' has no settings"));
        } else {
          webhookContext(path, webhook, out);
          ExpressionSyntax.eventSourceFilter(path, webhook.getFilter(), out);
        }
      });
    }
    if (spec.getCalendar() != null) {
      spec.getCalendar().forEach((event, calendar) -> {
        CalendarRules.check("spec.calendar." + event, calendar, out);
        if (calendar != null) {
          ExpressionSyntax.eventSourceFilter("spec.calendar." + event, calendar.getFilter(), out);
        }
        if (calendar != null && calendar.getPersistence() != null && !CONFIG_MAP_KEY.matcher(event).matches()) {
          out.add(Diagnostic.error("spec.calendar." + event, "with persistence the event name '" + event
              + "' becomes the ConfigMap key '" + source.name() + "." + event
              + "', which allows only letters, digits, '-', '_' and '.'"));
        }
      });
    }
    for (String type : List.of("file", "sftp")) {
      WatchPathRules.check("spec." + type, spec.otherSources().get(type), out);
    }
  }

  private static Map<String, List<String>> eventNamesByType(EventSourceSpec spec) {
    Map<String, List<String>> byType = new LinkedHashMap<>();
    if (spec.getWebhook() != null) {
      byType.put(EventSourceTypes.WEBHOOK, new ArrayList<>(spec.getWebhook().keySet()));
    }
    if (spec.getCalendar() != null) {
      byType.put(EventSourceTypes.CALENDAR, new ArrayList<>(spec.getCalendar().keySet()));
    }
    spec.otherSources().forEach((type, events) -> {
      List<String> names = new ArrayList<>();
      if (events != null && events.isObject()) {
        events.fieldNames().forEachRemaining(names::add);
      }
      byType.put(type, names);
    });
    return byType;
  }

  private static void eventNames(Map<String, List<String>> byType, List<Diagnostic> out) {
    Map<String, String> seen = new HashMap<>();
    byType.forEach((type, names) -> {
      for (String event : names) {
        String path = "spec." + type + "." + event;
        if (event.contains(".")) {
          out.add(Diagnostic.error(path, "event name '" + event + "' must not contain '.'"));
        }
        String first = seen.putIfAbsent(event, type);
        if (first != null) {
          out.add(Diagnostic.error(path, "event name '" + event + "' is already used by spec." + first + "." + event
              + "; event names must be unique across all types"));
        }
      }
    });
  }

  /** Argo refuses to mix leader-elected (active-passive) and active-active types. */
  private static void updateStrategies(Map<String, List<String>> byType, List<Diagnostic> out) {
    List<String> leaderElected = new ArrayList<>();
    List<String> activeActive = new ArrayList<>();
    byType.forEach((type, names) -> {
      if (!names.isEmpty()) {
        (EventSourceTypes.LEADER_ELECTED.contains(type) ? leaderElected : activeActive).add(type);
      }
    });
    if (!leaderElected.isEmpty() && !activeActive.isEmpty()) {
      out.add(Diagnostic.error("spec", "event sources with rolling update and recreate update strategy can not be put"
          + " together: " + activeActive + " cannot share an EventSource with " + leaderElected
          + "; split them into separate EventSources"));
    }
  }

  static void webhookContext(String path, WebhookContext webhook, List<Diagnostic> out) {
    String endpoint = webhook.getEndpoint();
    if (endpoint == null || endpoint.isEmpty()) {
      out.add(Diagnostic.error(path + ".endpoint", "endpoint is required"));
    } else if (!endpoint.startsWith("/")) {
      out.add(Diagnostic.error(path + ".endpoint", "endpoint '" + endpoint + "' must start with '/'"));
    }
    String port = webhook.getPort();
    if (port == null || port.isEmpty()) {
      out.add(Diagnostic.error(path + ".port", "port is required"));
    } else if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
      out.add(Diagnostic.error(path + ".port", "port '" + port + "' must be a number from 1 to 65535"));
    }
    if (webhook.getMaxPayloadSize() != null && webhook.getMaxPayloadSize() <= 0) {
      out.add(Diagnostic.error(path + ".maxPayloadSize", "maxPayloadSize must be positive"));
    }
    secret(path + ".authSecret", webhook.getAuthSecret(), out);
    secret(path + ".serverCertSecret", webhook.getServerCertSecret(), out);
    secret(path + ".serverKeySecret", webhook.getServerKeySecret(), out);
    if ((webhook.getServerCertSecret() == null) != (webhook.getServerKeySecret() == null)) {
      out.add(Diagnostic.warning(path, "HTTPS needs both serverCertSecret and serverKeySecret; serving plain HTTP"));
    }
  }

  static void secret(String path, SecretKeySelector secret, List<Diagnostic> out) {
    if (secret == null) {
      return;
    }
    if (secret.getName() == null || secret.getName().isEmpty()) {
      out.add(Diagnostic.error(path + ".name", "secret name is required"));
    }
    if (secret.getKey() == null || secret.getKey().isEmpty()) {
      out.add(Diagnostic.error(path + ".key", "secret key is required"));
    }
  }
}
