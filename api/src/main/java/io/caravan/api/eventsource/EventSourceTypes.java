package io.caravan.api.eventsource;

import java.util.List;
import java.util.Set;

/** The 32 Argo EventSource types, by their exact key in {@code EventSource.spec}. */
public final class EventSourceTypes {

  public static final String WEBHOOK = "webhook";
  public static final String CALENDAR = "calendar";

  /** Every type key, in Argo's documentation order. */
  public static final List<String> ALL =
      List.of(
          WEBHOOK,
          CALENDAR,
          "resource",
          "kafka",
          "nats",
          "amqp",
          "mqtt",
          "redis",
          "redisStream",
          "file",
          "github",
          "gitlab",
          "sns",
          "sqs",
          "generic",
          "minio",
          "pubSub",
          "hdfs",
          "slack",
          "storageGrid",
          "azureEventsHub",
          "stripe",
          "emitter",
          "nsq",
          "pulsar",
          "bitbucketserver",
          "bitbucket",
          "azureServiceBus",
          "azureQueueStorage",
          "sftp",
          "gerrit",
          "mns");

  /**
   * Types that run leader-elected (active-passive) in Argo. Argo rejects an EventSource that mixes
   * these with active-active types.
   */
  public static final Set<String> LEADER_ELECTED =
      Set.of(
          "amqp",
          CALENDAR,
          "kafka",
          "pubSub",
          "azureEventsHub",
          "azureServiceBus",
          "nats",
          "mqtt",
          "minio",
          "emitter",
          "nsq",
          "pulsar",
          "redis",
          "redisStream",
          "resource",
          "hdfs",
          "file",
          "sftp",
          "generic");

  private EventSourceTypes() {}

  public static boolean isKnown(String specKey) {
    return ALL.contains(specKey);
  }
}
