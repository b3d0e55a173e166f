package io.caravan.routes.source.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.support.backoff.RetryBackoff;
import io.caravan.routes.support.kafka.KafkaClientSettings;
import io.caravan.routes.support.secrets.SecretStore;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.consumer.StickyAssignor;

/**
 * The Kafka consumer settings of a kafka event: brokers, the group (or none in partition mode), no
 * automatic commits, the initial offset ({@code oldest}), the rebalance strategy, and TLS/SASL from
 * secret values ({@link KafkaClientSettings#security}).
 */
final class KafkaSourceConfig {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KafkaSourceConfig() {}

  static Map<String, Object> of(KafkaSourceEndpoint endpoint, SecretStore secrets, String where) {
    Map<String, Object> config = new TreeMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoint.getUrl());
    config.put(
        ConsumerConfig.CLIENT_ID_CONFIG,
        "caravan-eventsource-" + endpoint.getName().replace('/', '-'));
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    if (endpoint.getGroupName() != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, endpoint.getGroupName());
      config.put(
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, endpoint.isOldest() ? "earliest" : "latest");
      config.put(
          ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
          switch (endpoint.getRebalanceStrategy() == null
              ? "range"
              : endpoint.getRebalanceStrategy()) {
            case "roundrobin" -> RoundRobinAssignor.class.getName();
            case "sticky" -> StickyAssignor.class.getName();
            default -> RangeAssignor.class.getName();
          });
    }
    KafkaClientSettings.security(config, tls(endpoint), sasl(endpoint), secrets, where);
    return config;
  }

  /**
   * The endpoint's connectionBackoff; Argo's default (5 steps, 1 s, factor 1, jitter 1) when unset.
   */
  static RetryBackoff backoff(KafkaSourceEndpoint endpoint) {
    ObjectNode block = JSON.createObjectNode();
    block.put("steps", endpoint.getBackoffSteps() == null ? 0 : endpoint.getBackoffSteps());
    if (endpoint.getBackoffDuration() != null && !endpoint.getBackoffDuration().isEmpty()) {
      block.put("duration", endpoint.getBackoffDuration());
    }
    if (endpoint.getBackoffFactor() != null) {
      block.put("factor", endpoint.getBackoffFactor());
    }
    if (endpoint.getBackoffJitter() != null) {
      block.put("jitter", endpoint.getBackoffJitter());
    }
    return RetryBackoff.parse(block.toString());
  }

  private static ObjectNode tls(KafkaSourceEndpoint endpoint) {
    if (!endpoint.isTls()) {
      return null;
    }
    ObjectNode tls = JSON.createObjectNode();
    selector(tls, "caCertSecret", endpoint.getTlsCaCertSecret());
    selector(tls, "clientCertSecret", endpoint.getTlsClientCertSecret());
    selector(tls, "clientKeySecret", endpoint.getTlsClientKeySecret());
    if (endpoint.isTlsInsecureSkipVerify()) {
      tls.put("insecureSkipVerify", true);
    }
    return tls;
  }

  private static ObjectNode sasl(KafkaSourceEndpoint endpoint) {
    if (endpoint.getSaslMechanism() == null || endpoint.getSaslMechanism().isBlank()) {
      return null;
    }
    ObjectNode sasl = JSON.createObjectNode();
    sasl.put("mechanism", endpoint.getSaslMechanism());
    selector(sasl, "userSecret", endpoint.getSaslUserSecret());
    selector(sasl, "passwordSecret", endpoint.getSaslPasswordSecret());
    return sasl;
  }

  /** A {@code name/key} reference as Argo's {@code {name, key}} selector. */
  private static void selector(ObjectNode block, String field, String reference) {
    if (reference == null || reference.isBlank()) {
      return;
    }
    int slash = reference.indexOf('/');
    ObjectNode selector = block.putObject(field);
    selector.put("name", slash < 0 ? reference : reference.substring(0, slash));
    selector.put("key", slash < 0 ? "" : reference.substring(slash + 1));
  }
}
