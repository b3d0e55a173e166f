package io.caravan.api.eventsource.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ArgoObject;
import io.caravan.api.eventsource.EventSourceFilter;
import io.caravan.api.sensor.Backoff;
import java.util.Map;

/** One {@code spec.kafka.<eventName>} entry: a Kafka consumer (inventory §1.5.4). */
public class KafkaEventSource extends ArgoObject {
  private String url;
  private String partition;
  private String topic;
  private Backoff connectionBackoff;
  private JsonNode tls;
  private Boolean jsonBody;
  private Map<String, String> metadata;
  private KafkaConsumerGroup consumerGroup;
  private Long limitEventsPerSecond;
  private String version;
  private JsonNode sasl;
  private EventSourceFilter filter;
  private String config;
  private JsonNode schemaRegistry;
  private JsonNode awsMskIamAuth;

  /** Comma-separated brokers; the first one is part of each event's id. */
  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  /** Partition mode: the partition to read from its newest offset on every start. */
  public String getPartition() {
    return partition;
  }

  public void setPartition(String partition) {
    this.partition = partition;
  }

  /** The topic to consume. */
  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  /** Waits between connection attempts. */
  public Backoff getConnectionBackoff() {
    return connectionBackoff;
  }

  public void setConnectionBackoff(Backoff connectionBackoff) {
    this.connectionBackoff = connectionBackoff;
  }

  /** TLS settings (caCertSecret, clientCertSecret, clientKeySecret, insecureSkipVerify). */
  public JsonNode getTls() {
    return tls;
  }

  public void setTls(JsonNode tls) {
    this.tls = tls;
  }

  /** Whether the payload is JSON and embedded as is (else base64). */
  public Boolean getJsonBody() {
    return jsonBody;
  }

  public void setJsonBody(Boolean jsonBody) {
    this.jsonBody = jsonBody;
  }

  /** Copied into every event's data. */
  public Map<String, String> getMetadata() {
    return metadata;
  }

  public void setMetadata(Map<String, String> metadata) {
    this.metadata = metadata;
  }

  /** Consumer-group mode: offsets committed after the bus stored each event. */
  public KafkaConsumerGroup getConsumerGroup() {
    return consumerGroup;
  }

  public void setConsumerGroup(KafkaConsumerGroup consumerGroup) {
    this.consumerGroup = consumerGroup;
  }

  /** Consumer-group mode: most events per second. */
  public Long getLimitEventsPerSecond() {
    return limitEventsPerSecond;
  }

  public void setLimitEventsPerSecond(Long limitEventsPerSecond) {
    this.limitEventsPerSecond = limitEventsPerSecond;
  }

  /** The Kafka protocol version Argo's client speaks (the Java client negotiates it). */
  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  /** SASL settings (mechanism, userSecret, passwordSecret). */
  public JsonNode getSasl() {
    return sasl;
  }

  public void setSasl(JsonNode sasl) {
    this.sasl = sasl;
  }

  /** The event-source filter. */
  public EventSourceFilter getFilter() {
    return filter;
  }

  public void setFilter(EventSourceFilter filter) {
    this.filter = filter;
  }

  /** Sarama (Argo's Go client) settings as YAML. */
  public String getConfig() {
    return config;
  }

  public void setConfig(String config) {
    this.config = config;
  }

  /** Confluent schema registry for Avro payloads. */
  public JsonNode getSchemaRegistry() {
    return schemaRegistry;
  }

  public void setSchemaRegistry(JsonNode schemaRegistry) {
    this.schemaRegistry = schemaRegistry;
  }

  /** AWS MSK IAM authentication. */
  public JsonNode getAwsMskIamAuth() {
    return awsMskIamAuth;
  }

  public void setAwsMskIamAuth(JsonNode awsMskIamAuth) {
    this.awsMskIamAuth = awsMskIamAuth;
  }
}
