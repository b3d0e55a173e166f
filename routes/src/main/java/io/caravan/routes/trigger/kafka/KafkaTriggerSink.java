package io.caravan.routes.trigger.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.support.kafka.KafkaClientSettings;
import io.caravan.routes.support.secrets.SecretRefs;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.trigger.TriggerSpecMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The {@code kafka-sink} Kamelet's step: produces the body (the payload) to {@code topic} on the
 * brokers in {@code url}, keyed by {@code partitioningKey}, with {@code headers} and {@code
 * secureHeaders}, as Argo's kafka trigger does. Unlike Argo (fire-and-forget), the exchange
 * completes only when the broker acknowledged the record with {@code requiredAcks} (-1 = all, the
 * default; 0; 1). {@code compress: true} means snappy (Argo); Caravan's {@code compression} names
 * the codec (none, gzip, snappy, lz4, zstd). {@code flushFrequency} (ms) is the producer's linger.
 * TLS ({@link KafkaClientSettings}) and SASL (PLAIN, SCRAM-SHA-256/512) credentials come from
 * secret references. One producer per distinct connection settings, kept open.
 */
public class KafkaTriggerSink extends ServiceSupport implements Processor {
  public static final String FIELD = "trigger.template.kafka";
  private static final long SEND_TIMEOUT_SECONDS = 60;

  private final Map<Map<String, Object>, KafkaProducer<byte[], byte[]>> producers =
      new ConcurrentHashMap<>();
  private volatile boolean registered;
  private String sensorName = "";
  private String triggerName = "";

  public void setSensorName(String sensorName) {
    this.sensorName = sensorName;
  }

  public void setTriggerName(String triggerName) {
    this.triggerName = triggerName;
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    Message message = exchange.getMessage();
    ObjectNode spec = TriggerSpecMessage.spec(message, "kafka");
    String topic = spec.path("topic").asText("");
    if (topic.isBlank()) {
      throw new IllegalArgumentException(FIELD + ".topic: is required");
    }
    SecretStore secrets = SecretRefs.store(exchange.getContext());
    Map<String, Object> config =
        KafkaClientSettings.producerConfig(
            spec, secrets, "caravan-" + sensorName + "-" + triggerName);
    byte[] body = message.getBody(byte[].class);
    JsonNode key = spec.get("partitioningKey");
    byte[] keyBytes =
        key == null || key.isNull() || key.asText().isEmpty()
            ? null
            : key.asText().getBytes(StandardCharsets.UTF_8);
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(topic, null, keyBytes, body == null ? new byte[0] : body);
    headers(spec, secrets)
        .forEach(
            (name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
    closeWithContext(exchange.getContext());
    RecordMetadata sent = producer(config).send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    message.setHeader("CaravanKafkaPartition", sent.partition());
    message.setHeader("CaravanKafkaOffset", sent.offset());
  }

  private static Map<String, String> headers(ObjectNode spec, SecretStore secrets) {
    Map<String, String> headers = new TreeMap<>();
    spec.path("headers")
        .fields()
        .forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
    JsonNode secure = spec.path("secureHeaders");
    for (int i = 0; i < secure.size(); i++) {
      JsonNode header = secure.get(i);
      String where = FIELD + ".secureHeaders[" + i + "]";
      String name = header.path("name").asText("");
      if (name.isEmpty()) {
        throw new IllegalArgumentException(where + ".name: is required");
      }
      JsonNode from = header.path("valueFrom");
      if (from.has("secretKeyRef")) {
        headers.put(
            name,
            SecretRefs.required(
                secrets, from.get("secretKeyRef"), where + ".valueFrom.secretKeyRef"));
      } else if (from.has("configMapKeyRef")) {
        String map = from.path("configMapKeyRef").path("name").asText("");
        String key = from.path("configMapKeyRef").path("key").asText("");
        headers.put(
            name,
            secrets
                .configMap(map, key)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            where
                                + ".valueFrom.configMapKeyRef: ConfigMap key '"
                                + map
                                + "/"
                                + key
                                + "' not found")));
      } else {
        throw new IllegalArgumentException(
            where + ".valueFrom: secretKeyRef or configMapKeyRef is required");
      }
    }
    return headers;
  }

  private KafkaProducer<byte[], byte[]> producer(Map<String, Object> config) {
    return producers.computeIfAbsent(
        config, c -> new KafkaProducer<>(c, new ByteArraySerializer(), new ByteArraySerializer()));
  }

  /**
   * Registers this sink with the CamelContext once, so that its connections are closed when the
   * context stops even where Camel does not stop a Kamelet's processor bean itself.
   */
  private void closeWithContext(org.apache.camel.CamelContext context) throws Exception {
    if (!registered) {
      synchronized (this) {
        if (!registered) {
          context.addService(this, true, true);
          registered = true;
        }
      }
    }
  }

  @Override
  protected void doStop() {
    producers.values().forEach(producer -> producer.close(Duration.ofSeconds(10)));
    producers.clear();
  }
}
