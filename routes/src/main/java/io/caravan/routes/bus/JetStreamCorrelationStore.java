package io.caravan.routes.bus;

import io.caravan.routes.sensor.CorrelationState;
import io.caravan.routes.sensor.CorrelationStore;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.StorageType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Sensor's correlation state in a JetStream KV bucket named after the Sensor (as Argo Events),
 * one key per trigger ({@code <trigger>}) holding the JSON of its {@link CorrelationState}. Every
 * change is a compare-and-set on the key's revision ({@code create} when absent, {@code
 * update(revision)} otherwise), retried on conflict, so replicas of a Sensor that share the durable
 * consumers never lose each other's updates (updates from one runtime are also serialised per
 * trigger, so they do not conflict with each other). The key is never deleted: a fired trigger
 * stores an empty state.
 *
 * <p>The bucket also holds each rate-limited trigger's shared token bucket under {@code
 * ratelimit.<trigger>} ({@link JetStreamRateLimits}): trigger names have no {@code .}, so no key of
 * one kind is a key of the other.
 */
final class JetStreamCorrelationStore implements CorrelationStore {
  private static final Logger LOG = LoggerFactory.getLogger(JetStreamCorrelationStore.class);

  private final KeyValue bucket;

  /**
   * One lock per trigger: this runtime's own updates queue up instead of conflicting with each
   * other.
   */
  private final Map<String, Object> localLocks = new ConcurrentHashMap<>();

  private JetStreamCorrelationStore(KeyValue bucket) {
    this.bucket = bucket;
  }

  /**
   * Opens the Sensor's bucket, creating it (file storage, one revision per key) when it is missing.
   */
  static JetStreamCorrelationStore open(Connection connection, String sensor, int replicas)
      throws IOException, JetStreamApiException {
    KeyValueConfiguration config =
        KeyValueConfiguration.builder()
            .name(bucketName(sensor))
            .description("Caravan: correlation state of Sensor " + sensor)
            .storageType(StorageType.File)
            .maxHistoryPerKey(1)
            .replicas(replicas)
            .build();
    return new JetStreamCorrelationStore(
        JetStreamBuckets.openOrCreate(
            connection, config, "the correlation state of Sensor '" + sensor + "'"));
  }

  /**
   * The Sensor name as a bucket name: Argo's (the name itself), with characters KV refuses as
   * {@code _}.
   */
  static String bucketName(String sensor) {
    return JetStreamBuckets.sensorBucketName(sensor);
  }

  /** The Sensor's bucket. */
  KeyValue bucket() {
    return bucket;
  }

  @Override
  public Transition update(
      String sensor, String trigger, Function<CorrelationState, Transition> change) {
    synchronized (localLocks.computeIfAbsent(trigger, key -> new Object())) {
      return compareAndSet(sensor, trigger, change);
    }
  }

  /**
   * Read, change, write if the revision is still the one read; again on a conflict with another
   * replica.
   */
  private Transition compareAndSet(
      String sensor, String trigger, Function<CorrelationState, Transition> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        KeyValueEntry entry = bucket.get(trigger);
        CorrelationState current = decode(entry, sensor, trigger);
        Transition transition = change.apply(current);
        byte[] value = transition.next().toJson();
        if (entry == null) {
          bucket.create(trigger, value);
        } else {
          bucket.update(trigger, value, entry.getRevision());
        }
        return transition;
      } catch (JetStreamApiException e) {
        if (e.getApiErrorCode() != JetStreamBuckets.WRONG_LAST_SEQUENCE
            || attempt >= JetStreamBuckets.MAX_ATTEMPTS) {
          throw new IllegalStateException(
              "Sensor '"
                  + sensor
                  + "' trigger '"
                  + trigger
                  + "': cannot store correlation state in KV bucket '"
                  + bucket.getBucketName()
                  + "': "
                  + e.getMessage(),
              e);
        }
        LOG.debug(
            "Sensor '{}' trigger '{}': correlation state changed concurrently; retrying",
            sensor,
            trigger);
        JetStreamBuckets.pauseAfterConflict(attempt);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Sensor '"
                + sensor
                + "' trigger '"
                + trigger
                + "': KV bucket '"
                + bucket.getBucketName()
                + "' unavailable: "
                + e.getMessage(),
            e);
      }
    }
  }

  @Override
  public CorrelationState read(String sensor, String trigger) {
    try {
      return decode(bucket.get(trigger), sensor, trigger);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JetStreamApiException e) {
      throw new IllegalStateException(
          "KV bucket '" + bucket.getBucketName() + "': " + e.getMessage(), e);
    }
  }

  @Override
  public Set<String> retainTriggers(String sensor, Set<String> keep) {
    Set<String> removed = new TreeSet<>();
    try {
      for (String key : bucket.keys()) {
        String trigger =
            key.substring(key.indexOf('.') + 1); // "<trigger>" or "ratelimit.<trigger>"
        if (!keep.contains(trigger)) {
          bucket.purge(key);
          removed.add(trigger);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JetStreamApiException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException(
          "KV bucket '" + bucket.getBucketName() + "': " + e.getMessage(), e);
    }
    return removed;
  }

  private static CorrelationState decode(KeyValueEntry entry, String sensor, String trigger) {
    if (entry == null || entry.getValue() == null || entry.getValue().length == 0) {
      return CorrelationState.empty("");
    }
    try {
      return CorrelationState.fromJson(entry.getValue());
    } catch (IllegalArgumentException e) {
      // Unreadable (another writer, an older format): start over rather than block the trigger
      // forever.
      LOG.warn(
          "Sensor '{}' trigger '{}': dropping unreadable correlation state ({})",
          sensor,
          trigger,
          e.getMessage());
      return CorrelationState.empty("");
    }
  }
}
