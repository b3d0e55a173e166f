package io.caravan.api.eventsource.amqp;

import io.caravan.api.ArgoObject;

/**
 * Argo's {@code AMQPConsumeConfig}. When the block is absent Argo consumes with {@code autoAck:
 * true}; when it is given, a field left out is false or empty (Go's zero value), so a block without
 * {@code autoAck} means manual acknowledgement.
 */
public class AmqpConsume extends ArgoObject {
  private String consumerTag;
  private Boolean autoAck;
  private Boolean exclusive;
  private Boolean noLocal;
  private Boolean noWait;

  public String getConsumerTag() {
    return consumerTag;
  }

  public void setConsumerTag(String consumerTag) {
    this.consumerTag = consumerTag;
  }

  public Boolean getAutoAck() {
    return autoAck;
  }

  public void setAutoAck(Boolean autoAck) {
    this.autoAck = autoAck;
  }

  public Boolean getExclusive() {
    return exclusive;
  }

  public void setExclusive(Boolean exclusive) {
    this.exclusive = exclusive;
  }

  public Boolean getNoLocal() {
    return noLocal;
  }

  public void setNoLocal(Boolean noLocal) {
    this.noLocal = noLocal;
  }

  public Boolean getNoWait() {
    return noWait;
  }

  public void setNoWait(Boolean noWait) {
    this.noWait = noWait;
  }
}
