package io.caravan.api.eventsource.amqp;

import io.caravan.api.ArgoObject;

/**
 * Argo's {@code AMQPQueueDeclareConfig}: the queue the exchange is bound to. When the block is
 * absent Argo declares a server-named, non-durable, exclusive queue; when it is given, a field left
 * out is false or empty (Go's zero value).
 */
public class AmqpQueueDeclare extends ArgoObject {
  private String name;
  private Boolean durable;
  private Boolean autoDelete;
  private Boolean exclusive;
  private Boolean noWait;
  private String arguments;

  /** The queue's name; empty: the server names it. */
  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

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

  public Boolean getExclusive() {
    return exclusive;
  }

  public void setExclusive(Boolean exclusive) {
    this.exclusive = exclusive;
  }

  public Boolean getNoWait() {
    return noWait;
  }

  public void setNoWait(Boolean noWait) {
    this.noWait = noWait;
  }

  /** The queue's x-arguments as YAML text, e.g. {@code "x-queue-type: quorum"}. */
  public String getArguments() {
    return arguments;
  }

  public void setArguments(String arguments) {
    this.arguments = arguments;
  }
}
