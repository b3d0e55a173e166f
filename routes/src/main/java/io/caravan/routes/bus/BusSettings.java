package io.caravan.routes.bus;

import java.time.Duration;

/**
 * The {@code eventbus:} component's configuration, as one value handed to a {@link BusTransport}.
 *
 * @param url {@code nats://host:port[,…]}, or {@code null}/{@code memory} for the in-memory bus
 * @param username NATS user, or {@code null}
 * @param password NATS password, or {@code null} (never logged)
 * @param streamMaxMsgs stream limit on messages ({@code -1}: none)
 * @param streamMaxAge stream limit on message age ({@code Duration.ZERO}: none)
 * @param streamMaxBytes stream limit on bytes ({@code -1}: none)
 * @param streamDuplicates window in which a repeated {@code Nats-Msg-Id} is dropped
 * @param streamReplicas stream replicas
 * @param maxInFlight exchanges one consumer runs at a time (also the JetStream {@code
 *     maxAckPending})
 * @param ackWait time the bus waits for an ack before it redelivers
 * @param nakDelay delay before a failed event is redelivered
 * @param publishTimeout time a publish may take before the exchange fails
 * @param pullExpiry lifetime of one JetStream pull request (its idle heartbeat is half of it)
 */
record BusSettings(
    String url,
    String username,
    String password,
    long streamMaxMsgs,
    Duration streamMaxAge,
    long streamMaxBytes,
    Duration streamDuplicates,
    int streamReplicas,
    int maxInFlight,
    Duration ackWait,
    Duration nakDelay,
    Duration publishTimeout,
    Duration pullExpiry) {

  /**
   * Default of {@code maxInFlight}. With 1 a consumer waits for each trigger before it takes the
   * next event: end-to-end throughput was 0.06x a hand-written pipeline's (docs/performance.md); 64
   * keeps the bus and the trigger's HTTP client busy while bounding the events one crash leaves
   * unacknowledged.
   */
  static final int DEFAULT_MAX_IN_FLIGHT = 64;

  /** The stream Argo Events uses, whatever the EventBus is called. */
  static final String STREAM = "default";

  /** The stream's subjects: {@code default.<eventSource>.<event>}. */
  static final String STREAM_SUBJECTS = "default.*.*";

  /** The JetStream de-duplication header; the only header on a published event. */
  static final String MSG_ID_HEADER = "Nats-Msg-Id";

  static String subject(String eventSource, String event) {
    return STREAM + "." + eventSource + "." + event;
  }

  boolean inMemory() {
    return url == null || url.isBlank() || url.trim().equalsIgnoreCase("memory");
  }

  /** The URL with any {@code user:password@} part removed, for logs and errors. */
  String redactedUrl() {
    return redact(url);
  }

  static String redact(String url) {
    return url == null ? null : url.replaceAll("//[^@/,]*@", "//");
  }

  @Override
  public String toString() {
    return "BusSettings[url="
        + redactedUrl()
        + ", username="
        + username
        + ", password="
        + (password == null ? "none" : "***")
        + ", maxInFlight="
        + maxInFlight
        + ", ackWait="
        + ackWait
        + ", nakDelay="
        + nakDelay
        + "]";
  }
}
