package io.caravan.routes.bus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.routes.delivery.SharedRateLimits;
import io.caravan.routes.delivery.TriggerRateLimit;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate-limited triggers of one Sensor, one token bucket each shared by every replica: key
 * {@code ratelimit.<trigger>} in the Sensor's correlation bucket ({@link
 * JetStreamCorrelationStore}), whose value is the bucket's next-token time as JSON {@code
 * {"nextTokenAt": <epoch nanoseconds>, "requestsPerUnit": …, "unit": "PT1S"}} (the last two for
 * people reading the bucket). Taking a token reads the key, moves the bucket on with {@link
 * TriggerRateLimit#reserveFrom} at the wall-clock time (replicas are different processes), and
 * writes it with compare-and-set on the revision read ({@code create} when absent, {@code
 * update(revision)} otherwise), again on a conflict with another replica; this runtime's own calls
 * queue per trigger instead of conflicting.
 */
final class JetStreamRateLimits implements SharedRateLimits {
  private static final Logger LOG = LoggerFactory.getLogger(JetStreamRateLimits.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Prefix of the keys; trigger names have no '.', so these never clash with correlation state. */
  static final String KEY_PREFIX = "ratelimit.";

  private final String sensor;
  private final Connection connection;
  private final Callable<KeyValue> openBucket;
  private final Clock clock;
  private final Map<String, Object> localLocks = new ConcurrentHashMap<>();
  private volatile KeyValue bucket;

  /** {@code openBucket} opens the Sensor's correlation bucket (called until it succeeds). */
  JetStreamRateLimits(
      String sensor, Connection connection, Callable<KeyValue> openBucket, Clock clock) {
    this.sensor = sensor;
    this.connection = connection;
    this.openBucket = openBucket;
    this.clock = clock;
  }

  @Override
  public Duration reserve(String trigger, TriggerRateLimit limit) {
    synchronized (localLocks.computeIfAbsent(trigger, key -> new Object())) {
      try {
        JetStreamBuckets.requireConnected(connection);
        return compareAndSet(bucket(), KEY_PREFIX + trigger, limit);
      } catch (IOException e) {
        throw new UncheckedIOException(where(trigger) + e.getMessage(), e);
      } catch (JetStreamApiException e) {
        throw new IllegalStateException(where(trigger) + e.getMessage(), e);
      }
    }
  }

  private Duration compareAndSet(KeyValue kv, String key, TriggerRateLimit limit)
      throws IOException, JetStreamApiException {
    for (int attempt = 1; ; attempt++) {
      KeyValueEntry entry = kv.get(key);
      TriggerRateLimit.Reservation reservation =
          limit.reserveFrom(nextTokenAt(entry), epochNanos(clock.instant()));
      byte[] value = encode(reservation.nextTokenAt(), limit);
      try {
        if (entry == null) {
          kv.create(key, value);
        } else {
          kv.update(key, value, entry.getRevision());
        }
        return reservation.delay();
      } catch (JetStreamApiException e) {
        if (e.getApiErrorCode() != JetStreamBuckets.WRONG_LAST_SEQUENCE
            || attempt >= JetStreamBuckets.MAX_ATTEMPTS) {
          throw e;
        }
        LOG.debug("Sensor '{}' {}: taken concurrently by another replica; retrying", sensor, key);
        JetStreamBuckets.pauseAfterConflict(attempt);
      }
    }
  }

  private KeyValue bucket() throws IOException {
    KeyValue current = bucket;
    if (current == null) {
      try {
        current = openBucket.call();
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(
            "cannot open the KV bucket of Sensor '" + sensor + "': " + e.getMessage(), e);
      }
      bucket = current;
    }
    return current;
  }

  /**
   * The stored next-token time, or {@link TriggerRateLimit#NEVER_USED} when there is none (a full
   * bucket).
   */
  static long nextTokenAt(KeyValueEntry entry) {
    if (entry == null || entry.getValue() == null || entry.getValue().length == 0) {
      return TriggerRateLimit.NEVER_USED;
    }
    try {
      JsonNode stored = JSON.readTree(entry.getValue()).path("nextTokenAt");
      return stored.canConvertToLong() ? stored.asLong() : TriggerRateLimit.NEVER_USED;
    } catch (IOException e) {
      return TriggerRateLimit
          .NEVER_USED; // unreadable: start with a full bucket rather than block the trigger
    }
  }

  static byte[] encode(long nextTokenAt, TriggerRateLimit limit) {
    return JSON.createObjectNode()
        .put("nextTokenAt", nextTokenAt)
        .put("requestsPerUnit", limit.requestsPerUnit())
        .put("unit", limit.unitDuration().toString())
        .toString()
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static long epochNanos(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }

  private String where(String trigger) {
    return "KV bucket '"
        + JetStreamCorrelationStore.bucketName(sensor)
        + "' key '"
        + KEY_PREFIX
        + trigger
        + "': ";
  }
}
