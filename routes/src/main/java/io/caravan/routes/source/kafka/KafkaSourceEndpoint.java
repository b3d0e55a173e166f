package io.caravan.routes.source.kafka;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * One kafka event: a consumer of {@code topic} on {@code url}, in partition mode ({@code
 * partition}) or consumer-group mode ({@code groupName}), with the options of Argo's kafka source.
 */
public class KafkaSourceEndpoint extends DefaultEndpoint {
  private final String name;
  private String url;
  private String topic;
  private Integer partition;
  private String groupName;
  private boolean oldest;
  private String rebalanceStrategy = "range";
  private long limitEventsPerSecond;
  private boolean jsonBody;
  private String metadata;
  private String eventSourceName;
  private String eventName;
  private boolean tls;
  private String tlsCaCertSecret;
  private String tlsClientCertSecret;
  private String tlsClientKeySecret;
  private boolean tlsInsecureSkipVerify;
  private String saslMechanism;
  private String saslUserSecret;
  private String saslPasswordSecret;
  private Integer backoffSteps;
  private String backoffDuration;
  private Double backoffFactor;
  private Double backoffJitter;

  KafkaSourceEndpoint(String uri, KafkaSourceComponent component, String name) {
    super(uri, component);
    this.name = name;
  }

  /** {@code <eventSource>/<event>}, for logs. */
  public String getName() {
    return name;
  }

  @Override
  public Producer createProducer() {
    throw new UnsupportedOperationException(
        "argo-kafka endpoints only consume: " + getEndpointUri());
  }

  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    if (blank(url) || blank(topic)) {
      throw new IllegalArgumentException("argo-kafka " + name + ": url and topic are required");
    }
    if ((partition == null) == blank(groupName)) {
      throw new IllegalArgumentException(
          "argo-kafka " + name + ": exactly one of partition and groupName must be set");
    }
    KafkaSourceConsumer consumer = new KafkaSourceConsumer(this, processor);
    configureConsumer(consumer);
    return consumer;
  }

  /** The first broker of {@code url}: part of each event's id, as in Argo. */
  String firstBroker() {
    return url.split(",")[0].trim();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** Comma-separated bootstrap brokers. */
  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  /** The topic. */
  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  /** Partition mode: the partition. */
  public Integer getPartition() {
    return partition;
  }

  public void setPartition(Integer partition) {
    this.partition = partition;
  }

  /** Consumer-group mode: the group. */
  public String getGroupName() {
    return groupName;
  }

  public void setGroupName(String groupName) {
    this.groupName = groupName;
  }

  /** A new group starts at the oldest offset. */
  public boolean isOldest() {
    return oldest;
  }

  public void setOldest(boolean oldest) {
    this.oldest = oldest;
  }

  /** range, roundrobin or sticky. */
  public String getRebalanceStrategy() {
    return rebalanceStrategy;
  }

  public void setRebalanceStrategy(String rebalanceStrategy) {
    this.rebalanceStrategy = rebalanceStrategy;
  }

  /** Most events per second in consumer-group mode (0: no limit). */
  public long getLimitEventsPerSecond() {
    return limitEventsPerSecond;
  }

  public void setLimitEventsPerSecond(long limitEventsPerSecond) {
    this.limitEventsPerSecond = limitEventsPerSecond;
  }

  /** Embed the payload as JSON. */
  public boolean isJsonBody() {
    return jsonBody;
  }

  public void setJsonBody(boolean jsonBody) {
    this.jsonBody = jsonBody;
  }

  /** JSON object text copied into every event. */
  public String getMetadata() {
    return metadata;
  }

  public void setMetadata(String metadata) {
    this.metadata = metadata;
  }

  /** The EventSource: metrics, logs and the event id. */
  public String getEventSourceName() {
    return eventSourceName;
  }

  public void setEventSourceName(String eventSourceName) {
    this.eventSourceName = eventSourceName;
  }

  /** The event: metrics, logs and the event id. */
  public String getEventName() {
    return eventName;
  }

  public void setEventName(String eventName) {
    this.eventName = eventName;
  }

  /** Connect with TLS. */
  public boolean isTls() {
    return tls;
  }

  public void setTls(boolean tls) {
    this.tls = tls;
  }

  /** Secret reference of the PEM CA certificate. */
  public String getTlsCaCertSecret() {
    return tlsCaCertSecret;
  }

  public void setTlsCaCertSecret(String tlsCaCertSecret) {
    this.tlsCaCertSecret = tlsCaCertSecret;
  }

  /** Secret reference of the PEM client certificate. */
  public String getTlsClientCertSecret() {
    return tlsClientCertSecret;
  }

  public void setTlsClientCertSecret(String tlsClientCertSecret) {
    this.tlsClientCertSecret = tlsClientCertSecret;
  }

  /** Secret reference of the PEM client key. */
  public String getTlsClientKeySecret() {
    return tlsClientKeySecret;
  }

  public void setTlsClientKeySecret(String tlsClientKeySecret) {
    this.tlsClientKeySecret = tlsClientKeySecret;
  }

  /** Skip the broker host name check. */
  public boolean isTlsInsecureSkipVerify() {
    return tlsInsecureSkipVerify;
  }

  public void setTlsInsecureSkipVerify(boolean tlsInsecureSkipVerify) {
    this.tlsInsecureSkipVerify = tlsInsecureSkipVerify;
  }

  /** PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512. */
  public String getSaslMechanism() {
    return saslMechanism;
  }

  public void setSaslMechanism(String saslMechanism) {
    this.saslMechanism = saslMechanism;
  }

  /** Secret reference of the SASL user. */
  public String getSaslUserSecret() {
    return saslUserSecret;
  }

  public void setSaslUserSecret(String saslUserSecret) {
    this.saslUserSecret = saslUserSecret;
  }

  /** Secret reference of the SASL password. */
  public String getSaslPasswordSecret() {
    return saslPasswordSecret;
  }

  public void setSaslPasswordSecret(String saslPasswordSecret) {
    this.saslPasswordSecret = saslPasswordSecret;
  }

  /** Connection backoff: steps. */
  public Integer getBackoffSteps() {
    return backoffSteps;
  }

  public void setBackoffSteps(Integer backoffSteps) {
    this.backoffSteps = backoffSteps;
  }

  /** Connection backoff: first wait (Go duration). */
  public String getBackoffDuration() {
    return backoffDuration;
  }

  public void setBackoffDuration(String backoffDuration) {
    this.backoffDuration = backoffDuration;
  }

  /** Connection backoff: growth per step. */
  public Double getBackoffFactor() {
    return backoffFactor;
  }

  public void setBackoffFactor(Double backoffFactor) {
    this.backoffFactor = backoffFactor;
  }

  /** Connection backoff: jitter. */
  public Double getBackoffJitter() {
    return backoffJitter;
  }

  public void setBackoffJitter(Double backoffJitter) {
    this.backoffJitter = backoffJitter;
  }
}
