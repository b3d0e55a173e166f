package io.caravan.routes.bus;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueStatus;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the KV buckets of a Sensor have in common: names, creation, compare-and-set conflicts. */
final class JetStreamBuckets {
  private static final Logger LOG = LoggerFactory.getLogger(JetStreamBuckets.class);

  /** JetStream API error code "wrong last sequence": the key changed since it was read. */
  static final int WRONG_LAST_SEQUENCE = 10071;

  /** JetStream API error code "stream not found" (a bucket is a stream {@code KV_<bucket>}). */
  private static final int STREAM_NOT_FOUND = 10059;

  private static final Pattern NOT_BUCKET_CHAR = Pattern.compile("[^A-Za-z0-9_-]");

  /** Compare-and-set attempts before an update gives up. */
  static final int MAX_ATTEMPTS = 100;

  private JetStreamBuckets() {}

  /**
   * The Sensor name as a bucket name: Argo's (the name itself), with characters KV refuses as
   * {@code _}.
   */
  static String sensorBucketName(String sensor) {
    return NOT_BUCKET_CHAR.matcher(sensor).replaceAll("_");
  }

  /**
   * Opens bucket {@code config.getBucketName()}, creating it when it is missing (a replica creating
   * it at the same time is fine). When {@code config} has a max age, an existing bucket with
   * another one gets this one.
   */
  static KeyValue openOrCreate(Connection connection, KeyValueConfiguration config, String purpose)
      throws IOException, JetStreamApiException {
    String name = config.getBucketName();
    KeyValueManagement management = connection.keyValueManagement();
    KeyValueStatus existing = status(management, name);
    if (existing == null) {
      try {
        management.create(config);
        LOG.info("Event bus: created KV bucket '{}' for {}", name, purpose);
      } catch (JetStreamApiException e) {
        if (status(management, name) == null) { // not a lost race with a replica creating it
          throw e;
        }
      }
    } else if (hasMaxAge(config) && !config.getTtl().equals(existing.getTtl())) {
      try {
        management.update(
            KeyValueConfiguration.builder(existing.getConfiguration())
                .ttl(config.getTtl())
                .build());
        LOG.info(
            "Event bus: KV bucket '{}' now keeps entries {} (was {})",
            name,
            config.getTtl(),
            existing.getTtl());
      } catch (JetStreamApiException e) {
        LOG.warn(
            "Event bus: cannot change the max age of KV bucket '{}' to {} ({}); it stays {}",
            name,
            config.getTtl(),
            e.getMessage(),
            existing.getTtl());
      }
    }
    return connection.keyValue(name);
  }

  private static boolean hasMaxAge(KeyValueConfiguration config) {
    return config.getTtl() != null && !config.getTtl().isZero() && !config.getTtl().isNegative();
  }

  private static KeyValueStatus status(KeyValueManagement management, String name)
      throws IOException, JetStreamApiException {
    try {
      return management.getStatus(name);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == STREAM_NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  /** Fails at once when NATS is not connected, instead of waiting for a request's timeout. */
  static void requireConnected(Connection connection) throws IOException {
    Connection.Status status = connection.getStatus();
    if (status != Connection.Status.CONNECTED) {
      throw new IOException("NATS is not connected (" + status + ")");
    }
  }

  /** A short random pause so that replicas whose compare-and-set collided do not collide again. */
  static void pauseAfterConflict(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + Math.min(attempt, 10) * 2L));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while updating a KV key", e);
    }
  }
}
