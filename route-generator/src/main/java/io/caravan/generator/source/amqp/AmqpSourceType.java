package io.caravan.generator.source.amqp;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.eventsource.amqp.AmqpConsume;
import io.caravan.api.eventsource.amqp.AmqpEventSource;
import io.caravan.api.eventsource.amqp.AmqpExchangeDeclare;
import io.caravan.api.eventsource.amqp.AmqpQueueDeclare;
import io.caravan.api.sensor.Backoff;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.SecretRefs;
import io.caravan.generator.source.SourceEvent;
import io.caravan.generator.source.SourceType;
import io.caravan.generator.support.TlsParameters;
import io.caravan.generator.yaml.RoutesYaml;
import io.caravan.generator.yaml.UriParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.amqp} events → {@code kamelet:amqp-source}: a RabbitMQ consumer that declares the
 * exchange and the queue, binds them and consumes, with Argo's checks, defaults and event data
 * (inventory §1.4, §1.5.6, §2.3). Argo's defaults apply to a block that is absent; a block that is
 * given has Go's zero values for what it leaves out. The route carries only the settings that
 * differ from the Kamelet's defaults (which are Argo's), and secrets as references.
 */
public final class AmqpSourceType implements SourceType<AmqpEventSource> {

  @Override
  public String key() {
    return "amqp";
  }

  @Override
  public Class<AmqpEventSource> model() {
    return AmqpEventSource.class;
  }

  @Override
  public void check(SourceEvent<AmqpEventSource> event, List<Diagnostic> out) {
    AmqpRules.check(event, out);
  }

  @Override
  public Map<String, Object> from(SourceEvent<AmqpEventSource> event, Diagnostics diagnostics) {
    AmqpEventSource amqp = event.config();
    List<Diagnostic> errors = new ArrayList<>();
    AmqpRules.check(event, errors);
    errors.removeIf(d -> !d.isError());
    if (amqp == null || !errors.isEmpty()) {
      diagnostics.addAll(errors);
      return null;
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("eventSourceName", event.eventSourceName());
    parameters.put("eventName", event.eventName());
    if (!AmqpRules.blank(amqp.getUrl())) {
      parameters.put("url", amqp.getUrl());
    } else {
      String reference =
          SecretRefs.reference(amqp.getUrlSecret(), event.path("urlSecret"), diagnostics);
      if (reference == null) {
        return null;
      }
      parameters.put("urlSecret", reference);
    }
    putIfSet(parameters, "exchangeName", amqp.getExchangeName());
    parameters.put("exchangeType", amqp.getExchangeType());
    parameters.put("routingKey", amqp.getRoutingKey());
    parameters.put("jsonBody", Boolean.TRUE.equals(amqp.getJsonBody()));
    if (amqp.getMetadata() != null && !amqp.getMetadata().isEmpty()) {
      parameters.put("metadata", RoutesYaml.compactJson(amqp.getMetadata()));
    }
    if (amqp.getAuth() != null) {
      String user =
          SecretRefs.reference(
              amqp.getAuth().getUsername(), event.path("auth.username"), diagnostics);
      String password =
          SecretRefs.reference(
              amqp.getAuth().getPassword(), event.path("auth.password"), diagnostics);
      if (user == null || password == null) {
        return null;
      }
      parameters.put("usernameSecret", user);
      parameters.put("passwordSecret", password);
    }
    if (!TlsParameters.put(parameters, amqp.getTls(), event.path("tls"), diagnostics)) {
      return null;
    }
    putBackoff(parameters, amqp.getConnectionBackoff());
    putExchange(parameters, amqp.getExchangeDeclare());
    putQueue(parameters, amqp.getQueueDeclare());
    if (amqp.getQueueBind() != null && Boolean.TRUE.equals(amqp.getQueueBind().getNoWait())) {
      parameters.put("queueBindNoWait", true);
    }
    putConsume(parameters, amqp.getConsume());
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:amqp-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  @Override
  public String filterExpression(AmqpEventSource event) {
    return event == null || event.getFilter() == null ? null : event.getFilter().getExpression();
  }

  /** Argo's default: durable, not auto-deleted, not internal, waiting for the server. */
  private static void putExchange(Map<String, Object> parameters, AmqpExchangeDeclare declare) {
    if (declare == null) {
      return;
    }
    putIfNot(parameters, "exchangeDurable", is(declare.getDurable()), true);
    putIfNot(parameters, "exchangeAutoDelete", is(declare.getAutoDelete()), false);
    putIfNot(parameters, "exchangeInternal", is(declare.getInternal()), false);
    putIfNot(parameters, "exchangeNoWait", is(declare.getNoWait()), false);
  }

  /** Argo's default: a server-named, non-durable, exclusive queue. */
  private static void putQueue(Map<String, Object> parameters, AmqpQueueDeclare declare) {
    if (declare == null) {
      return;
    }
    putIfSet(
        parameters, "queueName", AmqpRules.blank(declare.getName()) ? null : declare.getName());
    putIfNot(parameters, "queueDurable", is(declare.getDurable()), false);
    putIfNot(parameters, "queueAutoDelete", is(declare.getAutoDelete()), false);
    putIfNot(parameters, "queueExclusive", is(declare.getExclusive()), true);
    putIfNot(parameters, "queueNoWait", is(declare.getNoWait()), false);
    JsonNode arguments = AmqpRules.arguments(declare.getArguments());
    if (arguments != null && !arguments.isEmpty()) {
      parameters.put("queueArguments", RoutesYaml.compactJson(arguments));
    }
  }

  /** Argo's default: autoAck, not exclusive, a server-made consumer tag. */
  private static void putConsume(Map<String, Object> parameters, AmqpConsume consume) {
    if (consume == null) {
      return;
    }
    putIfSet(
        parameters,
        "consumerTag",
        AmqpRules.blank(consume.getConsumerTag()) ? null : consume.getConsumerTag());
    putIfNot(parameters, "autoAck", is(consume.getAutoAck()), true);
    putIfNot(parameters, "consumeExclusive", is(consume.getExclusive()), false);
    putIfNot(parameters, "consumeNoLocal", is(consume.getNoLocal()), false);
    putIfNot(parameters, "consumeNoWait", is(consume.getNoWait()), false);
  }

  private static void putBackoff(Map<String, Object> parameters, Backoff backoff) {
    if (backoff == null) {
      return;
    }
    putIfSet(parameters, "backoffSteps", backoff.getSteps());
    putIfSet(
        parameters,
        "backoffDuration",
        backoff.getDuration() == null ? null : backoff.getDuration().asText());
    putIfSet(parameters, "backoffFactor", backoff.getFactor());
    putIfSet(parameters, "backoffJitter", backoff.getJitter());
  }

  private static boolean is(Boolean value) {
    return Boolean.TRUE.equals(value);
  }

  private static void putIfNot(
      Map<String, Object> parameters, String key, boolean value, boolean kameletDefault) {
    if (value != kameletDefault) {
      parameters.put(key, value);
    }
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
