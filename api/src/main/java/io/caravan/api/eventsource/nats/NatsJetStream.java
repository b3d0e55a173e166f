package io.caravan.api.eventsource.nats;

import io.caravan.api.ArgoObject;

/**
 * Caravan extension {@code spec.nats.<event>.jetStream} (not in Argo, see Argo #3142): consume the
 * subject from a user's JetStream stream through a durable consumer, each message acknowledged only
 * after the event is on Caravan's bus.
 */
public class NatsJetStream extends ArgoObject {
  private String stream;
  private String durable;
  private String deliverPolicy;
  private String ackWait;
  private Long maxDeliver;

  /** The stream that holds the subject; required. */
  public String getStream() {
    return stream;
  }

  public void setStream(String stream) {
    this.stream = stream;
  }

  /** The durable consumer's name: progress survives restarts under it; required. */
  public String getDurable() {
    return durable;
  }

  public void setDurable(String durable) {
    this.durable = durable;
  }

  /**
   * Where a new durable consumer starts: {@code all} (default), {@code new}, {@code last} or {@code
   * lastPerSubject}.
   */
  public String getDeliverPolicy() {
    return deliverPolicy;
  }

  public void setDeliverPolicy(String deliverPolicy) {
    this.deliverPolicy = deliverPolicy;
  }

  /** How long the server waits for an acknowledgement before redelivering (Go duration, 30s). */
  public String getAckWait() {
    return ackWait;
  }

  public void setAckWait(String ackWait) {
    this.ackWait = ackWait;
  }

  /** Most deliveries of one message; unset or -1: no limit. */
  public Long getMaxDeliver() {
    return maxDeliver;
  }

  public void setMaxDeliver(Long maxDeliver) {
    this.maxDeliver = maxDeliver;
  }
}
