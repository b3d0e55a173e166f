package io.caravan.generator.source.amqp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.api.eventsource.amqp.AmqpConsume;
import io.caravan.api.eventsource.amqp.AmqpEventSource;
import io.caravan.api.eventsource.nats.BasicAuth;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.SecretRefs;
import io.caravan.generator.source.SourceEvent;
import io.caravan.generator.support.TlsSaslRules;
import java.io.IOException;
import java.util.List;

/**
 * Argo's checks of an amqp event ({@code pkg/eventsources/sources/amqp/validate.go}, inventory
 * §1.4) with its messages, plus the ones Argo only finds when the listener starts (the queue's
 * x-arguments YAML) and warnings for settings that do not do what they seem to.
 */
final class AmqpRules {
  private static final ObjectMapper YAML = new YAMLMapper();

  private AmqpRules() {}

  static void check(SourceEvent<AmqpEventSource> event, List<Diagnostic> out) {
    AmqpEventSource amqp = event.config();
    if (amqp == null) {
      out.add(Diagnostic.error(event.path(), "amqp settings are missing"));
      return;
    }
    boolean url = !blank(amqp.getUrl());
    if (!url && amqp.getUrlSecret() == null) {
      out.add(Diagnostic.error(event.path("url"), "either url or urlSecret must be specified"));
    }
    if (url && amqp.getUrlSecret() != null) {
      out.add(
          Diagnostic.error(
              event.path("urlSecret"), "only one of url or urlSecret can be specified"));
    }
    SecretRefs.check(event.path("urlSecret"), amqp.getUrlSecret(), out);
    if (blank(amqp.getRoutingKey())) {
      out.add(Diagnostic.error(event.path("routingKey"), "routing key must be specified"));
    }
    if (blank(amqp.getExchangeType())) {
      out.add(Diagnostic.error(event.path("exchangeType"), "exchange type must be specified"));
    }
    TlsSaslRules.tls(event.path("tls"), amqp.getTls(), out);
    if (amqp.getTls() != null
        && !amqp.getTls().isNull()
        && url
        && !amqp.getUrl().trim().toLowerCase().startsWith("amqps:")) {
      out.add(
          Diagnostic.warning(
              event.path("tls"),
              "tls is used only with an amqps:// URL (as in Argo): this amqp:// connection is not"
                  + " encrypted"));
    }
    BasicAuth auth = amqp.getAuth();
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
    if (amqp.getQueueDeclare() != null && !blank(amqp.getQueueDeclare().getArguments())) {
      String problem = argumentsProblem(amqp.getQueueDeclare().getArguments());
      if (problem != null) {
        out.add(
            Diagnostic.error(
                event.path("queueDeclare.arguments"),
                "failed to parse optional queue declare table arguments from Yaml string: "
                    + problem));
      }
    }
    AmqpConsume consume = amqp.getConsume();
    if (consume != null && consume.getAutoAck() == null) {
      out.add(
          Diagnostic.warning(
              event.path("consume.autoAck"),
              "a consume block without autoAck means autoAck: false (Go's zero value, as in"
                  + " Argo): each message is acknowledged once the bus stored its event"));
    }
  }

  /** The x-arguments YAML as a JSON object, or null when it is blank. */
  static JsonNode arguments(String yaml) {
    if (blank(yaml)) {
      return null;
    }
    try {
      JsonNode node = YAML.readTree(yaml);
      return node == null || !node.isObject() ? null : node;
    } catch (IOException e) {
      return null;
    }
  }

  private static String argumentsProblem(String yaml) {
    try {
      JsonNode node = YAML.readTree(yaml);
      if (node == null || node.isMissingNode() || node.isNull()) {
        return null;
      }
      return node.isObject() ? null : "not a map of x-arguments";
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      return e.getOriginalMessage() == null ? "not YAML" : firstLine(e.getOriginalMessage());
    } catch (IOException e) {
      return "not YAML";
    }
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  static boolean blank(String text) {
    return text == null || text.isEmpty();
  }
}
