package io.caravan.routes.source.nats;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * One nats event: a subscription to {@code subject} on {@code url}, with the options of Argo's nats
 * source.
 */
public class NatsSourceEndpoint extends DefaultEndpoint {
  private final String name;
  private String subject;
  private String url;
  private String queue;
  private boolean jsonBody;
  private String metadata;
  private String eventSourceName;
  private String eventName;
  private String usernameSecret;
  private String passwordSecret;
  private String tokenSecret;
  private String nkeySecret;
  private String credentialSecret;
  private boolean tls;
  private String tlsCaCertSecret;
  private String tlsClientCertSecret;
  private String tlsClientKeySecret;
  private boolean tlsInsecureSkipVerify;
  private Integer backoffSteps;
  private String backoffDuration;
  private Double backoffFactor;
  private Double backoffJitter;
  private String jetStreamStream;
  private String jetStreamDurable;
  private String jetStreamDeliverPolicy = "all";
  private String jetStreamAckWait;
  private Long jetStreamMaxDeliver;

  NatsSourceEndpoint(String uri, NatsSourceComponent component, String name) {
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
        "argo-nats endpoints only consume: " + getEndpointUri());
  }

  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    if (url == null || url.isBlank() || subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("argo-nats " + name + ": url and subject are required");
    }
    NatsSourceConsumer consumer = new NatsSourceConsumer(this, processor);
    configureConsumer(consumer);
    return consumer;
  }

  /** The subject (wildcards allowed). */
  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getSubject() {
    return subject;
  }

  /** The server URL. */
  public void setUrl(String url) {
    this.url = url;
  }

  public String getUrl() {
    return url;
  }

  /** The queue group, or null. */
  public void setQueue(String queue) {
    this.queue = queue == null || queue.isEmpty() ? null : queue;
  }

  public String getQueue() {
    return queue;
  }

  /** Embed the payload as JSON (true) or as a base64 string (false). */
  public void setJsonBody(boolean jsonBody) {
    this.jsonBody = jsonBody;
  }

  public boolean isJsonBody() {
    return jsonBody;
  }

  /** JSON object text added to each event. */
  public void setMetadata(String metadata) {
    this.metadata = metadata == null || metadata.isEmpty() ? null : metadata;
  }

  public String getMetadata() {
    return metadata;
  }

  public void setEventSourceName(String eventSourceName) {
    this.eventSourceName = eventSourceName;
  }

  public String getEventSourceName() {
    return eventSourceName;
  }

  public void setEventName(String eventName) {
    this.eventName = eventName;
  }

  public String getEventName() {
    return eventName;
  }

  /** Secret reference (name/key) of the basic-auth user. */
  public void setUsernameSecret(String usernameSecret) {
    this.usernameSecret = usernameSecret;
  }

  public String getUsernameSecret() {
    return usernameSecret;
  }

  public void setPasswordSecret(String passwordSecret) {
    this.passwordSecret = passwordSecret;
  }

  public String getPasswordSecret() {
    return passwordSecret;
  }

  public void setTokenSecret(String tokenSecret) {
    this.tokenSecret = tokenSecret;
  }

  public String getTokenSecret() {
    return tokenSecret;
  }

  /** Secret reference of an nkey seed. */
  public void setNkeySecret(String nkeySecret) {
    this.nkeySecret = nkeySecret;
  }

  public String getNkeySecret() {
    return nkeySecret;
  }

  /** Secret reference of a creds file. */
  public void setCredentialSecret(String credentialSecret) {
    this.credentialSecret = credentialSecret;
  }

  public String getCredentialSecret() {
    return credentialSecret;
  }

  /** Connect with TLS. */
  public void setTls(boolean tls) {
    this.tls = tls;
  }

  public boolean isTls() {
    return tls;
  }

  public void setTlsCaCertSecret(String tlsCaCertSecret) {
    this.tlsCaCertSecret = tlsCaCertSecret;
  }

  public String getTlsCaCertSecret() {
    return tlsCaCertSecret;
  }

  public void setTlsClientCertSecret(String tlsClientCertSecret) {
    this.tlsClientCertSecret = tlsClientCertSecret;
  }

  public String getTlsClientCertSecret() {
    return tlsClientCertSecret;
  }

  public void setTlsClientKeySecret(String tlsClientKeySecret) {
    this.tlsClientKeySecret = tlsClientKeySecret;
  }

  public String getTlsClientKeySecret() {
    return tlsClientKeySecret;
  }

  public void setTlsInsecureSkipVerify(boolean tlsInsecureSkipVerify) {
    this.tlsInsecureSkipVerify = tlsInsecureSkipVerify;
  }

  public boolean isTlsInsecureSkipVerify() {
    return tlsInsecureSkipVerify;
  }

  public void setBackoffSteps(Integer backoffSteps) {
    this.backoffSteps = backoffSteps;
  }

  public Integer getBackoffSteps() {
    return backoffSteps;
  }

  public void setBackoffDuration(String backoffDuration) {
    this.backoffDuration =
        backoffDuration == null || backoffDuration.isEmpty() ? null : backoffDuration;
  }

  public String getBackoffDuration() {
    return backoffDuration;
  }

  public void setBackoffFactor(Double backoffFactor) {
    this.backoffFactor = backoffFactor;
  }

  public Double getBackoffFactor() {
    return backoffFactor;
  }

  public void setBackoffJitter(Double backoffJitter) {
    this.backoffJitter = backoffJitter;
  }

  public Double getBackoffJitter() {
    return backoffJitter;
  }

  /** Caravan extension: the JetStream stream to consume from; null for core NATS. */
  public String getJetStreamStream() {
    return jetStreamStream;
  }

  public void setJetStreamStream(String jetStreamStream) {
    this.jetStreamStream = blankToNull(jetStreamStream);
  }

  public String getJetStreamDurable() {
    return jetStreamDurable;
  }

  public void setJetStreamDurable(String jetStreamDurable) {
    this.jetStreamDurable = blankToNull(jetStreamDurable);
  }

  public String getJetStreamDeliverPolicy() {
    return jetStreamDeliverPolicy;
  }

  public void setJetStreamDeliverPolicy(String jetStreamDeliverPolicy) {
    this.jetStreamDeliverPolicy =
        jetStreamDeliverPolicy == null || jetStreamDeliverPolicy.isBlank()
            ? "all"
            : jetStreamDeliverPolicy;
  }

  public String getJetStreamAckWait() {
    return jetStreamAckWait;
  }

  public void setJetStreamAckWait(String jetStreamAckWait) {
    this.jetStreamAckWait = blankToNull(jetStreamAckWait);
  }

  public Long getJetStreamMaxDeliver() {
    return jetStreamMaxDeliver;
  }

  public void setJetStreamMaxDeliver(Long jetStreamMaxDeliver) {
    this.jetStreamMaxDeliver = jetStreamMaxDeliver;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
