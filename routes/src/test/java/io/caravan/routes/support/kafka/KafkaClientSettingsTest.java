package io.caravan.routes.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.routes.support.secrets.MapSecretStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Kafka producer settings of a kafka trigger block: acks, compression, TLS (PEM) and SASL. */
class KafkaClientSettingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MapSecretStore secrets =
      new MapSecretStore()
          .putSecret("kafka-tls", "ca.crt", "CA-PEM")
          .putSecret("kafka-tls", "tls.crt", "CERT-PEM")
          .putSecret("kafka-tls", "tls.key", "KEY-PEM")
          .putSecret("kafka-sasl", "user", "svc")
          .putSecret("kafka-sasl", "password", "pa\"ss");

  @Test
  void defaultsArePlaintextAllAcksNoCompression() throws Exception {
    Map<String, Object> config = config("{\"url\":\"k:9092\",\"topic\":\"t\"}");

    assertThat(config)
        .containsEntry("bootstrap.servers", "k:9092")
        .containsEntry("acks", "all")
        .containsEntry("compression.type", "none")
        .containsEntry("security.protocol", "PLAINTEXT")
        .containsEntry("linger.ms", 0);
  }

  @Test
  void argoFieldsAndCaravansCompressionMapToProducerSettings() throws Exception {
    assertThat(
            config(
                "{\"url\":\"k:9092\",\"requiredAcks\":1,\"compress\":true,\"flushFrequency\":250}"))
        .containsEntry("acks", "1")
        .containsEntry("compression.type", "snappy")
        .containsEntry("linger.ms", 250);
    assertThat(config("{\"url\":\"k:9092\",\"requiredAcks\":0,\"compression\":\"zstd\"}"))
        .containsEntry("acks", "0")
        .containsEntry("compression.type", "zstd");
    assertThatThrownBy(() -> config("{\"url\":\"k:9092\",\"requiredAcks\":2}"))
        .hasMessageContaining("trigger.template.kafka.requiredAcks");
  }

  @Test
  void tlsAndSaslComeFromSecretReferences() throws Exception {
    Map<String, Object> config =
        config(
            "{\"url\":\"k:9093\","
                + "\"tls\":{\"caCertSecret\":{\"name\":\"kafka-tls\",\"key\":\"ca.crt\"},"
                + "\"clientCertSecret\":{\"name\":\"kafka-tls\",\"key\":\"tls.crt\"},"
                + "\"clientKeySecret\":{\"name\":\"kafka-tls\",\"key\":\"tls.key\"},\"insecureSkipVerify\":true},"
                + "\"sasl\":{\"mechanism\":\"SCRAM-SHA-512\",\"userSecret\":{\"name\":\"kafka-sasl\",\"key\":\"user\"},"
                + "\"passwordSecret\":{\"name\":\"kafka-sasl\",\"key\":\"password\"}}}");

    assertThat(config)
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("ssl.truststore.type", "PEM")
        .containsEntry("ssl.truststore.certificates", "CA-PEM")
        .containsEntry("ssl.keystore.type", "PEM")
        .containsEntry("ssl.keystore.certificate.chain", "CERT-PEM")
        .containsEntry("ssl.keystore.key", "KEY-PEM")
        .containsEntry("ssl.endpoint.identification.algorithm", "")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry(
            "sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"svc\" password=\"pa\\\"ss\";");
    assertThat(
            config(
                "{\"url\":\"k:9092\",\"sasl\":{\"userSecret\":{\"name\":\"kafka-sasl\",\"key\":\"user\"},"
                    + "\"passwordSecret\":{\"name\":\"kafka-sasl\",\"key\":\"password\"}}}"))
        .containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism", "PLAIN");
  }

  @Test
  void aMissingSecretNamesTheFieldAndReferenceOnly() {
    assertThatThrownBy(
            () ->
                config(
                    "{\"url\":\"k:9092\",\"sasl\":{\"userSecret\":{\"name\":\"kafka-sasl\",\"key\":\"user\"},"
                        + "\"passwordSecret\":{\"name\":\"kafka-sasl\",\"key\":\"missing\"}}}"))
        .hasMessageContaining("trigger.template.kafka.sasl.passwordSecret")
        .hasMessageContaining("kafka-sasl/missing")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("svc"));
  }

  private Map<String, Object> config(String block) throws Exception {
    return KafkaClientSettings.producerConfig(JSON.readTree(block), secrets, "test");
  }
}
