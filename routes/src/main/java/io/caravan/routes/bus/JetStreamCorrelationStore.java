package io.caravan.routes.bus;

import io.caravan.routes.sensor.CorrelationState;
import io.caravan.routes.sensor.CorrelationStore;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.StorageType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Sensor's correlation state in a JetStream KV bucket named after the Sensor (as Argo Events), one key per
 * trigger ({@code <trigger>}) holding the JSON of its {@link CorrelationState}. Every change is a
 * compare-and-set on the key's revision ({@code create} when absent, {@code update(revision)} otherwise),
 * retried on conflict, so replicas of a Sensor that share the durable consumers never lose each other's
 * updates (updates from one runtime are also serialised per trigger, so they do not conflict with each other).
 * The key is never deleted: a fired trigger stores an empty state.
 */
final class JetStreamCorrelationStore implements CorrelationStore {
  private static final Logger LOG = LoggerFactory.getLogger(JetStreamCorrelationStore.class);
  /** JetStream API error code "wrong last sequence": the key changed since it was read. */
  static final int WRONG_LAST_SEQUENCE = 10071;
  /** JetStream API error code "stream not found" (a bucket is a stream {@code KV_<bucket>}). */
  private static final int STREAM_NOT_FOUND = 10059;
  private static final Pattern NOT_BUCKET_CHAR = Pattern.compile("[^A-Za-z0-9_-]");
  private static final int MAX_ATTEMPTS = 100;

  private final KeyValue bucket;
  /** One lock per trigger: this runtime's own updates queue up instead of conflicting with each other. */
  private final Map<String, Object> localLocks = new ConcurrentHashMap<>();

  private JetStreamCorrelationStore(KeyValue bucket) {
    this.bucket = bucket;
  }

  /** Opens the Sensor's bucket, creating it (file storage, one revision per key) when it is missing. */
  static JetStreamCorrelationStore open(Connection connection, String sensor, int replicas)
      throws IOException, JetStreamApiException {
    String name = bucketName(sensor);
    KeyValueManagement management = connection.keyValueManagement();
    if (!exists(management, name)) {
      try {
        management.create(KeyValueConfiguration.builder()
            .name(name)
            .description("Caravan: correlation state of Sensor " + sensor)
            .storageType(StorageType.File)
            .maxHistoryPerKey(1)
            .replicas(replicas)
            .build());
        LOG.info("Event bus: created KV bucket '{}' for the correlation state of Sensor '{}'", name, sensor);
      } catch (JetStreamApiException e) {
        if (!exists(management, name)) { // not a lost race with a replica creating it
          throw e;
        }
      }
    }
    return new JetStreamCorrelationStore(connection.keyValue(name));
  }

  /** The Sensor name as a bucket name: Argo's (the name itself), with characters KV refuses as {@code _}. */
  static String bucketName(String sensor) {
    return NOT_BUCKET_CHAR.matcher(sensor).replaceAll("_");
  }

  private static boolean exists(KeyValueManagement management, String name)
      throws IOException, JetStreamApiException {
    try {
      return management.getBucketInfo(name) != null;
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == STREAM_NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Transition update(String sensor, String trigger, Function<CorrelationState, Transition> change) {
    synchronized (localLocks.computeIfAbsent(trigger, key -> new Object())) {
      return compareAndSet(sensor, trigger, change);
    }
  }

  /** Read, change, write if the revision is still the one read; again on a conflict with another replica. */
  private Transition compareAndSet(String sensor, String trigger, Function<CorrelationState, Transition> change) {
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
        if (e.getApiErrorCode() != WRONG_LAST_SEQUENCE || attempt >= MAX_ATTEMPTS) {
          throw new IllegalStateException("Sensor '" + sensor + "' trigger '" + trigger
              + "': cannot store correlation state in KV bucket '" + bucket.getBucketName() + "': "
              + e.getMessage(), e);
        }
        LOG.debug("Sensor '{}' trigger '{}': correlation state changed concurrently; retrying", sensor, trigger);
        pause(attempt);
      } catch (IOException e) {
        throw new UncheckedIOException("Sensor '" + sensor + "' trigger '" + trigger
            + "': KV bucket '" + bucket.getBucketName() + "' unavailable: " + e.getMessage(), e);
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
      throw new IllegalStateException("KV bucket '" + bucket.getBucketName() + "': " + e.getMessage(), e);
    }
  }

  private static CorrelationState decode(KeyValueEntry entry, String sensor, String trigger) {
    if (entry == null || entry.getValue() == null || entry.getValue().length == 0) {
      return CorrelationState.empty("");
    }
    try {
      return CorrelationState.fromJson(entry.getValue());
    } catch (IllegalArgumentException e) {
      // Unreadable (another writer, an older format): start over rather than block the trigger forever.
      LOG.warn("Sensor '{}' trigger '{}': dropping unreadable correlation state ({})", sensor, trigger,
          e.getMessage());
      return CorrelationState.empty("");
    }
  }

  /** A short random pause so that replicas that collided do not collide again. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + Math.min(attempt, 10) * 2L));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing correlation state", e);
    }
  }
}
