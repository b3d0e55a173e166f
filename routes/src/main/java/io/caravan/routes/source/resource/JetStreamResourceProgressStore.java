package io.caravan.routes.source.resource;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Progress in the JetStream bus's KV store: bucket {@value #BUCKET} (created on first use, history
 * 1), key {@code <eventSource>.<event>}. The default wherever the bus is JetStream: in a cluster
 * and under {@code caravan run --bus}.
 */
public final class JetStreamResourceProgressStore implements ResourceProgressStore {
  /** The bucket every resource event of the bus keeps its progress in. */
  public static final String BUCKET = "caravan-resource";

  private final Connection connection;
  private volatile KeyValue bucket;

  public JetStreamResourceProgressStore(Connection connection) {
    this.connection = connection;
  }

  @Override
  public String load(String eventSource, String key) {
    try {
      KeyValueEntry entry = bucket().get(eventSource + "." + key);
      return entry == null || entry.getValue() == null
          ? null
          : new String(entry.getValue(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(describe(eventSource) + ": " + e.getMessage(), e);
    } catch (JetStreamApiException e) {
      throw new IllegalStateException(describe(eventSource) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void save(String eventSource, String key, String progress) {
    try {
      bucket().put(eventSource + "." + key, progress.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(describe(eventSource) + ": " + e.getMessage(), e);
    } catch (JetStreamApiException e) {
      throw new IllegalStateException(describe(eventSource) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe(String eventSource) {
    return "KV bucket '" + BUCKET + "' keys " + eventSource + ".*";
  }

  private KeyValue bucket() throws IOException, JetStreamApiException {
    KeyValue current = bucket;
    if (current == null) {
      synchronized (this) {
        if (bucket == null) {
          KeyValueManagement management = connection.keyValueManagement();
          if (!management.getBucketNames().contains(BUCKET)) {
            try {
              management.create(
                  KeyValueConfiguration.builder().name(BUCKET).maxHistoryPerKey(1).build());
            } catch (JetStreamApiException e) {
              if (!management.getBucketNames().contains(BUCKET)) {
                throw e; // not a lost race with another process creating it
              }
            }
          }
          bucket = connection.keyValue(BUCKET);
        }
        current = bucket;
      }
    }
    return current;
  }
}
