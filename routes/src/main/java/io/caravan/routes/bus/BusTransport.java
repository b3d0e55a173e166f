package io.caravan.routes.bus;

import io.caravan.routes.delivery.SharedFiredEventIds;
import io.caravan.routes.delivery.SharedRateLimits;
import io.caravan.routes.sensor.CorrelationStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Where the {@code eventbus:} component stores and reads events: NATS JetStream or memory. */
interface BusTransport extends AutoCloseable {

  /**
   * Stores {@code data} under {@code subject}, de-duplicated by {@code msgId}. The future completes
   * when the bus stored it (or recognised a duplicate) and completes exceptionally otherwise.
   */
  CompletableFuture<Void> publish(String subject, String msgId, byte[] data);

  /**
   * Starts delivering the messages of durable consumer {@code durableName} on {@code subject} to
   * {@code handler}, creating the durable (deliver new) when it does not exist. At most {@code
   * maxInFlight} delivered messages are unsettled at a time.
   */
  Subscription subscribe(String subject, String durableName, Consumer<Delivery> handler)
      throws Exception;

  /**
   * Where Sensor {@code sensorName} keeps its AND-conditions' state on this bus (one store per
   * Sensor).
   */
  CorrelationStore correlationStore(String sensorName) throws Exception;

  /**
   * The token buckets Sensor {@code sensorName}'s replicas share on this bus; null when it shares
   * none.
   */
  default SharedRateLimits sharedRateLimits(String sensorName) {
    return null;
  }

  /**
   * The event ids that fired Sensor {@code sensorName}'s triggers within {@code window}, shared by
   * its replicas on this bus; null when it shares none.
   */
  default SharedFiredEventIds sharedFiredEventIds(String sensorName, Duration window) {
    return null;
  }

  /**
   * The JetStream connection, for sources that keep their progress in the bus's KV store; null on a
   * bus without one.
   */
  default io.nats.client.Connection jetStreamConnection() {
    return null;
  }

  @Override
  void close();

  /** One delivered message; settle it exactly once with ack, nak or term. */
  interface Delivery {
    byte[] data();

    /** Processed: never deliver it again. */
    void ack();

    /** Failed: deliver it again after {@code delay}. */
    void nak(Duration delay);

    /** Still being processed: restart the ack-wait timer. */
    void inProgress();

    /** Can never be processed: never deliver it again. */
    void term();

    /** Where the message comes from, for logs. */
    String describe();

    /**
     * True when the bus delivered this message before (its earlier delivery was not acknowledged).
     */
    boolean redelivered();
  }

  /** A running durable consumer. */
  interface Subscription {
    /** Stops delivering; messages delivered earlier may still be settled. */
    void stop();
  }
}
