package io.caravan.generator.source.mqtt;

import io.caravan.api.eventsource.mqtt.MqttEventSource;
import io.caravan.api.eventsource.nats.BasicAuth;
import io.caravan.api.sensor.Backoff;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.SecretRefs;
import io.caravan.generator.source.SourceEvent;
import io.caravan.generator.source.SourceType;
import io.caravan.generator.support.TlsParameters;
import io.caravan.generator.support.TlsSaslRules;
import io.caravan.generator.yaml.RoutesYaml;
import io.caravan.generator.yaml.UriParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code spec.mqtt} events → {@code kamelet:mqtt-source}: an MQTT subscription at QoS 0, with
 * Argo's checks ({@code mqtt/validate.go}, inventory §1.4) and event data (§1.5.7, §2.3). Secrets
 * go to the route as references.
 */
public final class MqttSourceType implements SourceType<MqttEventSource> {

  @Override
  public String key() {
    return "mqtt";
  }

  @Override
  public Class<MqttEventSource> model() {
    return MqttEventSource.class;
  }

  @Override
  public void check(SourceEvent<MqttEventSource> event, List<Diagnostic> out) {
    MqttEventSource mqtt = event.config();
    if (mqtt == null) {
      out.add(Diagnostic.error(event.path(), "mqtt settings are missing"));
      return;
    }
    if (blank(mqtt.getUrl())) {
      out.add(Diagnostic.error(event.path("url"), "url must be specified"));
    } else if (!knownScheme(mqtt.getUrl())) {
      out.add(
          Diagnostic.unsupported(
              event.path("url"),
              "broker URL '"
                  + mqtt.getUrl()
                  + "': Caravan connects with tcp://, mqtt://, ssl://, tls://, mqtts:// or"
                  + " tcps:// (no WebSocket or unix socket transport)"));
    }
    if (blank(mqtt.getTopic())) {
      out.add(Diagnostic.error(event.path("topic"), "topic must be specified"));
    }
    if (blank(mqtt.getClientId())) {
      out.add(Diagnostic.error(event.path("clientId"), "client id must be specified"));
    }
    TlsSaslRules.tls(event.path("tls"), mqtt.getTls(), out);
    if (mqtt.getTls() != null && !mqtt.getTls().isNull() && plain(mqtt.getUrl())) {
      out.add(
          Diagnostic.warning(
              event.path("tls"),
              "tls is used only with an ssl://, tls:// or mqtts:// URL (as in Argo): this"
                  + " connection is not encrypted"));
    }
    BasicAuth auth = mqtt.getAuth();
    if (auth != null) {
      // Argo skips this check when tls is set (validate.go returns early); Caravan always checks.
      if (auth.getUsername() == null) {
        out.add(Diagnostic.error(event.path("auth.username"), "username missing"));
      } else if (auth.getPassword() == null) {
        out.add(Diagnostic.error(event.path("auth.password"), "password missing"));
      }
      SecretRefs.check(event.path("auth.username"), auth.getUsername(), out);
      SecretRefs.check(event.path("auth.password"), auth.getPassword(), out);
    }
  }

  @Override
  public Map<String, Object> from(SourceEvent<MqttEventSource> event, Diagnostics diagnostics) {
    MqttEventSource mqtt = event.config();
    List<Diagnostic> errors = new ArrayList<>();
    check(event, errors);
    errors.removeIf(d -> !d.isError());
    if (mqtt == null || !errors.isEmpty()) {
      diagnostics.addAll(errors);
      return null;
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("eventSourceName", event.eventSourceName());
    parameters.put("eventName", event.eventName());
    parameters.put("url", mqtt.getUrl());
    parameters.put("topic", mqtt.getTopic());
    parameters.put("clientId", mqtt.getClientId());
    parameters.put("jsonBody", Boolean.TRUE.equals(mqtt.getJsonBody()));
    if (mqtt.getMetadata() != null && !mqtt.getMetadata().isEmpty()) {
      parameters.put("metadata", RoutesYaml.compactJson(mqtt.getMetadata()));
    }
    if (mqtt.getAuth() != null) {
      parameters.put(
          "usernameSecret",
          SecretRefs.reference(
              mqtt.getAuth().getUsername(), event.path("auth.username"), diagnostics));
      parameters.put(
          "passwordSecret",
          SecretRefs.reference(
              mqtt.getAuth().getPassword(), event.path("auth.password"), diagnostics));
    }
    if (!TlsParameters.put(parameters, mqtt.getTls(), event.path("tls"), diagnostics)) {
      return null;
    }
    Backoff backoff = mqtt.getConnectionBackoff();
    if (backoff != null) {
      putIfSet(parameters, "backoffSteps", backoff.getSteps());
      putIfSet(
          parameters,
          "backoffDuration",
          backoff.getDuration() == null ? null : backoff.getDuration().asText());
      putIfSet(parameters, "backoffFactor", backoff.getFactor());
      putIfSet(parameters, "backoffJitter", backoff.getJitter());
    }
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:mqtt-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  @Override
  public String filterExpression(MqttEventSource event) {
    return event == null || event.getFilter() == null ? null : event.getFilter().getExpression();
  }

  private static String scheme(String url) {
    int colon = url == null ? -1 : url.indexOf("://");
    return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  private static boolean knownScheme(String url) {
    return List.of("tcp", "mqtt", "ssl", "tls", "mqtts", "tcps").contains(scheme(url));
  }

  private static boolean plain(String url) {
    return List.of("tcp", "mqtt").contains(scheme(url));
  }

  private static boolean blank(String text) {
    return text == null || text.isEmpty();
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
