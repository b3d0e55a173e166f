package io.caravan.routes.source.amqp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.ConnectionFactory;
import io.caravan.routes.support.backoff.RetryBackoff;
import io.caravan.routes.support.secrets.SecretRefs;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.support.tls.TlsSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;

/**
 * How an amqp endpoint connects: the URL (or the one its secret holds), the user and password that
 * replace the URL's, TLS for an {@code amqps://} URL, Argo's 10 s heartbeat, and recovery after a
 * lost connection with the connection backoff's waits. Secret values are read when connecting and
 * never logged; logs show URLs without their user information.
 */
final class AmqpConnections {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AmqpConnections() {}

  static ConnectionFactory factory(AmqpSourceEndpoint endpoint, SecretStore secrets, String where)
      throws Exception {
    String url = endpoint.url;
    if (url == null) {
      url =
          secrets
              .secretRef(endpoint.urlSecret)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          where + ": urlSecret '" + endpoint.urlSecret + "' not found"));
    }
    ConnectionFactory factory = new ConnectionFactory();
    try {
      factory.setUri(url.trim());
    } catch (Exception e) {
      // the URL may hold a password: never put it (or the parser's message quoting it) in a log
      throw new IllegalArgumentException(
          where
              + ": "
              + (endpoint.url == null ? "the URL in urlSecret '" + endpoint.urlSecret + "'" : "url")
              + " is not an amqp:// or amqps:// URL");
    }
    if (url.trim().toLowerCase().startsWith("amqps:")) {
      TlsSettings tls =
          endpoint.tls ? TlsSettings.read(tlsBlock(endpoint), secrets, where + ": tls") : null;
      SSLContext context =
          tls == null || tls.isNone() ? SSLContext.getDefault() : tls.sslContext(where + ": tls");
      factory.useSslProtocol(context);
      if (tls == null || !tls.insecureSkipVerify()) {
        factory.enableHostnameVerification();
      }
    }
    if (endpoint.usernameSecret != null) {
      factory.setUsername(
          SecretRefs.value(secrets, endpoint.usernameSecret, where + ": auth.username"));
      factory.setPassword(
          SecretRefs.value(secrets, endpoint.passwordSecret, where + ": auth.password"));
    }
    factory.setRequestedHeartbeat(10);
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    RetryBackoff backoff = backoff(endpoint);
    factory.setRecoveryDelayHandler(attempt -> delayMillis(backoff, attempt + 1));
    return factory;
  }

  /** The wait after failed attempt {@code attempt}: the backoff's, then its last one again. */
  static long delayMillis(RetryBackoff backoff, int attempt) {
    return Math.max(
        1,
        backoff
            .delayAfter(
                Math.min(Math.max(attempt, 1), backoff.attempts()),
                ThreadLocalRandom.current().nextDouble())
            .toMillis());
  }

  /** The URL for logs: without its user information. */
  static String safe(AmqpSourceEndpoint endpoint) {
    if (endpoint.url == null) {
      return "the URL in urlSecret '" + endpoint.urlSecret + "'";
    }
    return endpoint.url.replaceFirst("^([a-zA-Z]+://)[^@/]*@", "$1");
  }

  /**
   * The endpoint's connectionBackoff; Argo's default (5 steps, 1 s, factor 1, jitter 1) when unset.
   */
  static RetryBackoff backoff(AmqpSourceEndpoint endpoint) {
    ObjectNode block = JSON.createObjectNode();
    block.put("steps", endpoint.backoffSteps == null ? 0 : endpoint.backoffSteps);
    if (endpoint.backoffDuration != null) {
      block.put("duration", endpoint.backoffDuration);
    }
    if (endpoint.backoffFactor != null) {
      block.put("factor", endpoint.backoffFactor);
    }
    if (endpoint.backoffJitter != null) {
      block.put("jitter", endpoint.backoffJitter);
    }
    return RetryBackoff.parse(block.toString());
  }

  /**
   * The queue's x-arguments from their JSON text: whole numbers as longs (AMQP long-long), other
   * numbers as doubles, nested lists and tables as they are.
   */
  static Map<String, Object> arguments(String json, String where) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException(where + ": queue arguments must be a map");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> table = (Map<String, Object>) value(node);
      return table;
    } catch (IOException e) {
      throw new IllegalArgumentException(where + ": queue arguments are not JSON", e);
    }
  }

  private static Object value(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> table = new LinkedHashMap<>();
      node.fields().forEachRemaining(f -> table.put(f.getKey(), value(f.getValue())));
      return table;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(value(item)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.isNull() ? null : node.asText();
  }

  private static JsonNode tlsBlock(AmqpSourceEndpoint endpoint) {
    return SecretRefs.tlsBlock(
        JSON.createObjectNode(),
        endpoint.tlsCaCertSecret,
        endpoint.tlsClientCertSecret,
        endpoint.tlsClientKeySecret,
        endpoint.tlsInsecureSkipVerify);
  }
}
