package io.caravan.routes.source.amqp;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * One amqp event: a consumer of a queue bound to an exchange on a RabbitMQ broker, with the options
 * of Argo's amqp source (flat, as the Kamelet passes them; the defaults are Argo's).
 */
public class AmqpSourceEndpoint extends DefaultEndpoint {
  private final String name;
  String url;
  String urlSecret;
  String exchangeName = "";
  String exchangeType;
  String routingKey;
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
  boolean exchangeDurable = true;
  boolean exchangeAutoDelete;
  boolean exchangeInternal;
  boolean exchangeNoWait;
  String queueName = "";
  boolean queueDurable;
  boolean queueAutoDelete;
  boolean queueExclusive = true;
  boolean queueNoWait;
  String queueArguments;
  boolean queueBindNoWait;
  String consumerTag = "";
  boolean autoAck = true;
  boolean consumeExclusive;
  boolean consumeNoLocal;
  boolean consumeNoWait;

  AmqpSourceEndpoint(String uri, AmqpSourceComponent component, String name) {
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
        "argo-amqp endpoints only consume: " + getEndpointUri());
  }

  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    if (blank(url) == blank(urlSecret) || blank(exchangeType) || blank(routingKey)) {
      throw new IllegalArgumentException(
          "argo-amqp "
              + name
              + ": one of url and urlSecret, exchangeType and routingKey are required");
    }
    AmqpSourceConsumer consumer = new AmqpSourceConsumer(this, processor);
    configureConsumer(consumer);
    return consumer;
  }

  public String getEventName() {
    return eventName;
  }

  public String getEventSourceName() {
    return eventSourceName;
  }

  /** The broker URL; or urlSecret. */
  public void setUrl(String url) {
    this.url = blank(url) ? null : url;
  }

  /** Secret reference (name/key) of the broker URL. */
  public void setUrlSecret(String urlSecret) {
    this.urlSecret = blank(urlSecret) ? null : urlSecret;
  }

  public void setExchangeName(String exchangeName) {
    this.exchangeName = exchangeName == null ? "" : exchangeName;
  }

  public void setExchangeType(String exchangeType) {
    this.exchangeType = blank(exchangeType) ? null : exchangeType;
  }

  public void setRoutingKey(String routingKey) {
    this.routingKey = blank(routingKey) ? null : routingKey;
  }

  /** Embed the payload as JSON (true) or as a base64 string (false). */
  public void setJsonBody(boolean jsonBody) {
    this.jsonBody = jsonBody;
  }

  /** JSON object text added to each event. */
  public void setMetadata(String metadata) {
    this.metadata = blank(metadata) ? null : metadata;
  }

  public void setEventSourceName(String eventSourceName) {
    this.eventSourceName = blank(eventSourceName) ? null : eventSourceName;
  }

  public void setEventName(String eventName) {
    this.eventName = blank(eventName) ? null : eventName;
  }

  public void setUsernameSecret(String usernameSecret) {
    this.usernameSecret = blank(usernameSecret) ? null : usernameSecret;
  }

  public void setPasswordSecret(String passwordSecret) {
    this.passwordSecret = blank(passwordSecret) ? null : passwordSecret;
  }

  /** Use the TLS settings below (with an amqps:// URL). */
  public void setTls(boolean tls) {
    this.tls = tls;
  }

  public void setTlsCaCertSecret(String tlsCaCertSecret) {
    this.tlsCaCertSecret = blank(tlsCaCertSecret) ? null : tlsCaCertSecret;
  }

  public void setTlsClientCertSecret(String tlsClientCertSecret) {
    this.tlsClientCertSecret = blank(tlsClientCertSecret) ? null : tlsClientCertSecret;
  }

  public void setTlsClientKeySecret(String tlsClientKeySecret) {
    this.tlsClientKeySecret = blank(tlsClientKeySecret) ? null : tlsClientKeySecret;
  }

  public void setTlsInsecureSkipVerify(boolean tlsInsecureSkipVerify) {
    this.tlsInsecureSkipVerify = tlsInsecureSkipVerify;
  }

  public void setBackoffSteps(Integer backoffSteps) {
    this.backoffSteps = backoffSteps;
  }

  public void setBackoffDuration(String backoffDuration) {
    this.backoffDuration = blank(backoffDuration) ? null : backoffDuration;
  }

  public void setBackoffFactor(Double backoffFactor) {
    this.backoffFactor = backoffFactor;
  }

  public void setBackoffJitter(Double backoffJitter) {
    this.backoffJitter = backoffJitter;
  }

  /** Argo's exchangeDeclare; its defaults when the block is absent. */
  public void setExchangeDurable(boolean exchangeDurable) {
    this.exchangeDurable = exchangeDurable;
  }

  public void setExchangeAutoDelete(boolean exchangeAutoDelete) {
    this.exchangeAutoDelete = exchangeAutoDelete;
  }

  public void setExchangeInternal(boolean exchangeInternal) {
    this.exchangeInternal = exchangeInternal;
  }

  public void setExchangeNoWait(boolean exchangeNoWait) {
    this.exchangeNoWait = exchangeNoWait;
  }

  /** Argo's queueDeclare; empty name: the server names the queue. */
  public void setQueueName(String queueName) {
    this.queueName = queueName == null ? "" : queueName;
  }

  public void setQueueDurable(boolean queueDurable) {
    this.queueDurable = queueDurable;
  }

  public void setQueueAutoDelete(boolean queueAutoDelete) {
    this.queueAutoDelete = queueAutoDelete;
  }

  public void setQueueExclusive(boolean queueExclusive) {
    this.queueExclusive = queueExclusive;
  }

  public void setQueueNoWait(boolean queueNoWait) {
    this.queueNoWait = queueNoWait;
  }

  /** JSON object text of the queue's x-arguments. */
  public void setQueueArguments(String queueArguments) {
    this.queueArguments = blank(queueArguments) ? null : queueArguments;
  }

  public void setQueueBindNoWait(boolean queueBindNoWait) {
    this.queueBindNoWait = queueBindNoWait;
  }

  /** Argo's consume; empty tag: the server makes one. */
  public void setConsumerTag(String consumerTag) {
    this.consumerTag = consumerTag == null ? "" : consumerTag;
  }

  /** False: acknowledged after the bus stored the event. */
  public void setAutoAck(boolean autoAck) {
    this.autoAck = autoAck;
  }

  public void setConsumeExclusive(boolean consumeExclusive) {
    this.consumeExclusive = consumeExclusive;
  }

  public void setConsumeNoLocal(boolean consumeNoLocal) {
    this.consumeNoLocal = consumeNoLocal;
  }

  public void setConsumeNoWait(boolean consumeNoWait) {
    this.consumeNoWait = consumeNoWait;
  }

  static boolean blank(String text) {
    return text == null || text.isEmpty();
  }
}
