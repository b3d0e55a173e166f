package io.caravan.api.eventsource.amqp;

import io.caravan.api.ArgoObject;

/**
 * Argo's {@code AMQPExchangeDeclareConfig}: how the exchange is declared. When the block is absent
 * Argo declares it durable; when it is given, a field left out is false (Go's zero value).
 */
public class AmqpExchangeDeclare extends ArgoObject {
  private Boolean durable;
  private Boolean autoDelete;
  private Boolean internal;
  private Boolean noWait;

  public Boolean getDurable() {
    return durable;
  }

  public void setDurable(Boolean durable) {
    this.durable = durable;
  }

  public Boolean getAutoDelete() {
    return autoDelete;
  }

  public void setAutoDelete(Boolean autoDelete) {
    this.autoDelete = autoDelete;
  }

  public Boolean getInternal() {
    return internal;
  }

  public void setInternal(Boolean internal) {
    this.internal = internal;
  }

  public Boolean getNoWait() {
    return noWait;
  }

  public void setNoWait(Boolean noWait) {
    this.noWait = noWait;
  }
}
