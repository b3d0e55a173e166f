package io.caravan.api.eventsource.amqp;

import io.caravan.api.ArgoObject;

/** Argo's {@code AMQPQueueBindConfig}: how the queue is bound to the exchange. */
public class AmqpQueueBind extends ArgoObject {
  private Boolean noWait;

  public Boolean getNoWait() {
    return noWait;
  }

  public void setNoWait(Boolean noWait) {
    this.noWait = noWait;
  }
}
