package io.caravan.routes.source.mqtt;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** One mqtt event: a QoS 0 subscription to {@code topic} on {@code url} as {@code clientId}. */
public class MqttSourceEndpoint extends DefaultEndpoint {
  private final String name;
  String url;
  String topic;
  String clientId;
  boolean jsonBody;
  String metadata;
  String eventSourceName;
  String eventName;
  String usernameSecret;
  String passwordSecret;
  boolean tls;
  String tlsCaCertSecret;
  String tlsClientCertSecret;
  String tlsClientKeySecret;
  boolean tlsInsecureSkipVerify;
  Integer backoffSteps;
  String backoffDuration;
  Double backoffFactor;
  Double backoffJitter;

  MqttSourceEndpoint(String uri, MqttSourceComponent component, String name) {
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
        "argo-mqtt endpoints only consume: " + getEndpointUri());
  }

  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    if (url == null || topic == null || clientId == null) {
      throw new IllegalArgumentException(
          "argo-mqtt " + name + ": url, topic and clientId are required");
    }
    MqttSourceConsumer consumer = new MqttSourceConsumer(this, processor);
    configureConsumer(consumer);
    return consumer;
  }

  public String getEventName() {
    return eventName;
  }

  public String getEventSourceName() {
    return eventSourceName;
  }

  /** The broker URL. */
  public void setUrl(String url) {
    this.url = url == null || url.isEmpty() ? null : url;
  }

  /** The topic filter (wildcards allowed). */
  public void setTopic(String topic) {
    this.topic = topic == null || topic.isEmpty() ? null : topic;
  }

  /** The client identifier. */
  public void setClientId(String clientId) {
    this.clientId = clientId == null || clientId.isEmpty() ? null : clientId;
  }

  /** Embed the payload as JSON (true) or as a base64 string (false). */
  public void setJsonBody(boolean jsonBody) {
    this.jsonBody = jsonBody;
  }

  /** JSON object text added to each event. */
  public void setMetadata(String metadata) {
    this.metadata = metadata == null || metadata.isEmpty() ? null : metadata;
  }

  public void setEventSourceName(String eventSourceName) {
    this.eventSourceName =
        eventSourceName == null || eventSourceName.isEmpty() ? null : eventSourceName;
  }

  public void setEventName(String eventName) {
    this.eventName = eventName == null || eventName.isEmpty() ? null : eventName;
  }

  /** Secret reference (name/key) of the user name. */
  public void setUsernameSecret(String usernameSecret) {
    this.usernameSecret =
        usernameSecret == null || usernameSecret.isEmpty() ? null : usernameSecret;
  }

  /** Secret reference (name/key) of the password. */
  public void setPasswordSecret(String passwordSecret) {
    this.passwordSecret =
        passwordSecret == null || passwordSecret.isEmpty() ? null : passwordSecret;
  }

  /** Use the TLS settings below (with an ssl://, tls:// or mqtts:// URL). */
  public void setTls(boolean tls) {
    this.tls = tls;
  }

  public void setTlsCaCertSecret(String tlsCaCertSecret) {
    this.tlsCaCertSecret =
        tlsCaCertSecret == null || tlsCaCertSecret.isEmpty() ? null : tlsCaCertSecret;
  }

  public void setTlsClientCertSecret(String tlsClientCertSecret) {
    this.tlsClientCertSecret =
        tlsClientCertSecret == null || tlsClientCertSecret.isEmpty() ? null : tlsClientCertSecret;
  }

  public void setTlsClientKeySecret(String tlsClientKeySecret) {
    this.tlsClientKeySecret =
        tlsClientKeySecret == null || tlsClientKeySecret.isEmpty() ? null : tlsClientKeySecret;
  }

  public void setTlsInsecureSkipVerify(boolean tlsInsecureSkipVerify) {
    this.tlsInsecureSkipVerify = tlsInsecureSkipVerify;
  }

  public void setBackoffSteps(Integer backoffSteps) {
    this.backoffSteps = backoffSteps;
  }

  public void setBackoffDuration(String backoffDuration) {
    this.backoffDuration =
        backoffDuration == null || backoffDuration.isEmpty() ? null : backoffDuration;
  }

  public void setBackoffFactor(Double backoffFactor) {
    this.backoffFactor = backoffFactor;
  }

  public void setBackoffJitter(Double backoffJitter) {
    this.backoffJitter = backoffJitter;
  }
}
