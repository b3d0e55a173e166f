package io.caravan.routes.bus;

import io.caravan.routes.delivery.RateLimitedWarning;
import io.caravan.routes.delivery.SharedFiredEventIds;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-id sets that fired one Sensor's triggers recently, shared by its replicas: KV bucket
 * {@code _fired_<sensor>} (the Sensor's bucket name after {@code _fired_}: a Sensor name starts
 * with a letter or digit, so this is never another Sensor's bucket), whose max age is the window (1
 * minute), key {@code <trigger>.<SHA-256 of the sorted ids, hex>} (ids may hold characters a key
 * cannot), value the ids. A put starts the window again; the server forgets a key once the window
 * passed (nats-server 2.9 has no per-key TTL, so the window is the bucket's).
 */
final class JetStreamFiredEventIds implements SharedFiredEventIds {
  private static final Logger LOG = LoggerFactory.getLogger(JetStreamFiredEventIds.class);
  static final String BUCKET_PREFIX = "_fired_";

  private final String sensor;
  private final Connection connection;
  private final Duration window;
  private final int replicas;
  private volatile KeyValue bucket;
  private volatile JetStream jetStream;
  private final RateLimitedWarning failedRecords =
      new RateLimitedWarning(LOG, Duration.ofMinutes(1));

  JetStreamFiredEventIds(String sensor, Connection connection, Duration window, int replicas) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(
          "the de-duplication window must be positive, not " + window);
    }
    this.sensor = sensor;
    this.connection = connection;
    this.window = window;
    this.replicas = replicas;
  }

  static String bucketName(String sensor) {
    return BUCKET_PREFIX + JetStreamBuckets.sensorBucketName(sensor);
  }

  /** {@code <trigger>.<hex SHA-256 of eventIds>}. */
  static String key(String trigger, String eventIds) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(eventIds.getBytes(StandardCharsets.UTF_8));
      return trigger + "." + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public Duration window() {
    return window;
  }

  @Override
  public boolean firedRecently(String trigger, String eventIds) {
    try {
      return bucket().get(key(trigger, eventIds)) != null;
    } catch (IOException e) {
      throw new UncheckedIOException(where(trigger) + e.getMessage(), e);
    } catch (JetStreamApiException e) {
      throw new IllegalStateException(where(trigger) + e.getMessage(), e);
    }
  }

  /**
   * Publishes the record without waiting for the bus's answer: the trigger already ran, and a
   * replica can only see the set again after this runtime's acknowledgement was lost, an ack wait
   * later. A failed publish is logged (at most once a minute).
   */
  @Override
  public void recordFired(String trigger, String eventIds) {
    try {
      bucket();
      jetStream()
          .publishAsync(
              "$KV." + bucketName(sensor) + "." + key(trigger, eventIds),
              eventIds.getBytes(StandardCharsets.UTF_8))
          .whenComplete(
              (ack, error) -> {
                if (error != null) {
                  failedRecords.warn(where(trigger) + "record not stored: " + error.getMessage());
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(where(trigger) + e.getMessage(), e);
    } catch (JetStreamApiException e) {
      throw new IllegalStateException(where(trigger) + e.getMessage(), e);
    }
  }

  private JetStream jetStream() throws IOException {
    JetStream current = jetStream;
    if (current == null) {
      current = connection.jetStream();
      jetStream = current;
    }
    return current;
  }

  /**
   * The bucket, opened (and created with max age = window, when missing) on first use while
   * connected.
   */
  private KeyValue bucket() throws IOException, JetStreamApiException {
    JetStreamBuckets.requireConnected(connection);
    KeyValue current = bucket;
    if (current == null) {
      synchronized (this) {
        if (bucket == null) {
          bucket =
              JetStreamBuckets.openOrCreate(
                  connection,
                  KeyValueConfiguration.builder()
                      .name(bucketName(sensor))
                      .description(
                          "Caravan: event ids that fired the triggers of Sensor "
                              + sensor
                              + " in the last "
                              + window)
                      .storageType(StorageType.File)
                      .maxHistoryPerKey(1)
                      .ttl(window)
                      .replicas(replicas)
                      .build(),
                  "the fired event ids of Sensor '" + sensor + "' (kept " + window + ")");
        }
        current = bucket;
      }
    }
    return current;
  }

  private String where(String trigger) {
    return "KV bucket '" + bucketName(sensor) + "' (trigger '" + trigger + "'): ";
  }
}
