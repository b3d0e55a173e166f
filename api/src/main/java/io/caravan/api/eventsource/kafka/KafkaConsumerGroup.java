package io.caravan.api.eventsource.kafka;

import io.caravan.api.ArgoObject;

/** Argo's {@code KafkaConsumerGroup}: group name, initial offset, rebalance strategy. */
public class KafkaConsumerGroup extends ArgoObject {
  private String groupName;
  private Boolean oldest;
  private String rebalanceStrategy;

  /** The consumer group's name. */
  public String getGroupName() {
    return groupName;
  }

  public void setGroupName(String groupName) {
    this.groupName = groupName;
  }

  /** Start a new group at the oldest offset instead of the newest. */
  public Boolean getOldest() {
    return oldest;
  }

  public void setOldest(Boolean oldest) {
    this.oldest = oldest;
  }

  /** range (default), roundrobin or sticky. */
  public String getRebalanceStrategy() {
    return rebalanceStrategy;
  }

  public void setRebalanceStrategy(String rebalanceStrategy) {
    this.rebalanceStrategy = rebalanceStrategy;
  }
}
