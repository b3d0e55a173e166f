package io.caravan.routes.support.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.routes.support.secrets.SecretRefs;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.support.tls.TlsSettings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * Kafka client settings: a kafka trigger block's producer (brokers, acks, compression, linger) and
 * the security settings every Kafka client of Caravan shares ({@link #security}). TLS uses PEM
 * values from the SecretStore ({@code caCertSecret} as trust store, {@code clientCertSecret} +
 * {@code clientKeySecret} (PKCS#8) as key store); {@code insecureSkipVerify} turns off the host
 * name check only (Kafka's client cannot skip the CA check). SASL credentials go into {@code
 * sasl.jaas.config}, which Kafka's own config logging hides.
 */
public final class KafkaClientSettings {
  private static final String FIELD = "trigger.template.kafka";
  private static final List<String> CODECS = List.of("none", "gzip", "snappy", "lz4", "zstd");

  private KafkaClientSettings() {}

  public static Map<String, Object> producerConfig(
      JsonNode spec, SecretStore secrets, String clientId) {
    String url = spec.path("url").asText("");
    if (url.isBlank()) {
      throw new IllegalArgumentException(FIELD + ".url: is required");
    }
    Map<String, Object> config = new TreeMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, url);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ProducerConfig.ACKS_CONFIG, acks(spec.get("requiredAcks")));
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression(spec));
    config.put(ProducerConfig.LINGER_MS_CONFIG, Math.max(0, spec.path("flushFrequency").asInt(0)));
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 45_000);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    security(config, spec.get("tls"), spec.get("sasl"), secrets, FIELD);
    return config;
  }

  /**
   * Adds {@code security.protocol} and the TLS ({@code tls} block, may be null) and SASL ({@code
   * sasl} block, may be null) settings of a producer or consumer; {@code field} names the blocks in
   * errors.
   */
  public static void security(
      Map<String, Object> config,
      JsonNode tlsBlock,
      JsonNode sasl,
      SecretStore secrets,
      String field) {
    boolean hasSasl = sasl != null && sasl.isObject();
    boolean hasTls = tlsBlock != null && !tlsBlock.isNull();
    config.put(
        "security.protocol",
        hasSasl ? (hasTls ? "SASL_SSL" : "SASL_PLAINTEXT") : (hasTls ? "SSL" : "PLAINTEXT"));
    if (hasTls) {
      tls(config, TlsSettings.read(tlsBlock, secrets, field + ".tls"));
    }
    if (hasSasl) {
      sasl(config, sasl, secrets, field);
    }
  }

  private static String acks(JsonNode requiredAcks) {
    if (requiredAcks == null || requiredAcks.isNull()) {
      return "all";
    }
    return switch (requiredAcks.asInt(-1)) {
      case 0 -> "0";
      case 1 -> "1";
      case -1 -> "all";
      default ->
          throw new IllegalArgumentException(
              FIELD + ".requiredAcks: must be -1 (all), 0 or 1, got " + requiredAcks.asText());
    };
  }

  private static String compression(JsonNode spec) {
    String codec = spec.path("compression").asText("");
    if (codec.isEmpty()) {
      return spec.path("compress").asBoolean(false) ? "snappy" : "none";
    }
    if (!CODECS.contains(codec)) {
      throw new IllegalArgumentException(
          FIELD + ".compression: '" + codec + "' must be one of " + CODECS);
    }
    return codec;
  }

  private static void tls(Map<String, Object> config, TlsSettings tls) {
    if (tls.caCertPem() != null) {
      config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
      config.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, tls.caCertPem());
    }
    if (tls.clientCertPem() != null) {
      config.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PEM");
      config.put(SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG, tls.clientCertPem());
      config.put(SslConfigs.SSL_KEYSTORE_KEY_CONFIG, tls.clientKeyPem());
    }
    if (tls.insecureSkipVerify()) {
      config.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "");
    }
  }

  private static void sasl(
      Map<String, Object> config, JsonNode sasl, SecretStore secrets, String field) {
    String mechanism = sasl.path("mechanism").asText("");
    mechanism = mechanism.isEmpty() ? "PLAIN" : mechanism;
    String module =
        switch (mechanism) {
          case "PLAIN" -> "org.apache.kafka.common.security.plain.PlainLoginModule";
          case "SCRAM-SHA-256", "SCRAM-SHA-512" ->
              "org.apache.kafka.common.security.scram.ScramLoginModule";
          default ->
              throw new IllegalArgumentException(
                  field
                      + ".sasl.mechanism: '"
                      + mechanism
                      + "' must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512");
        };
    String user = SecretRefs.required(secrets, sasl.get("userSecret"), field + ".sasl.userSecret");
    String password =
        SecretRefs.required(secrets, sasl.get("passwordSecret"), field + ".sasl.passwordSecret");
    config.put(SaslConfigs.SASL_MECHANISM, mechanism);
    config.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        module
            + " required username=\""
            + jaasQuoted(user)
            + "\" password=\""
            + jaasQuoted(password)
            + "\";");
  }

  private static String jaasQuoted(String value) {
    return value.trim().replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
