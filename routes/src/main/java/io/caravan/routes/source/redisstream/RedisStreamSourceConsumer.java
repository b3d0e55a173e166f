package io.caravan.routes.source.redisstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.EventMetadata;
import io.caravan.routes.event.ExchangeKeys;
import io.caravan.routes.support.redis.RedisReconnect;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Reads the endpoint's streams as Argo does (inventory §1.5.9): the consumer group is created at
 * {@code $} on every stream that lacks it, the consumer {@code argo-events-worker} first reads its
 * own pending entries ({@code 0-0}), then new ones ({@code >}), {@code maxMsgCountPerRead} per
 * stream and read, blocking 2 s. Each entry goes through the route (to the bus) one at a time, in
 * order, and is acknowledged (XACK) only once the route completed. When the route fails, the rest
 * of that stream's batch stays pending and the consumer reads its pending entries again after a
 * wait, so a bus outage loses nothing and keeps the order. A server that is down, or a stream that
 * does not exist yet, is waited for in the background.
 */
final class RedisStreamSourceConsumer extends DefaultConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(RedisStreamSourceConsumer.class);
  private static final StreamEntryID PENDING = new StreamEntryID(0, 0);
  private static final StreamEntryID NEW = StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY;
  private static final int BLOCK_MILLIS = 2_000;

  private volatile boolean running;
  private volatile boolean reading;
  private volatile Jedis connection;
  private ObjectNode metadata;
  private Thread reader;

  RedisStreamSourceConsumer(RedisStreamSourceEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
  }

  @Override
  public RedisStreamSourceEndpoint getEndpoint() {
    return (RedisStreamSourceEndpoint) super.getEndpoint();
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    RedisStreamSourceEndpoint endpoint = getEndpoint();
    String where = "argo-redis-stream " + endpoint.getName();
    metadata = EventMetadata.parse(endpoint.getMetadata(), where);
    List<String> streams = endpoint.streamList();
    running = true;
    reader = new Thread(() -> run(streams, where), "caravan-redis-stream-" + endpoint.getName());
    reader.setDaemon(true);
    reader.start();
  }

  /** Connects, creates the groups and reads until stopped; any failure starts over after a wait. */
  private void run(List<String> streams, String where) {
    RedisStreamSourceEndpoint endpoint = getEndpoint();
    int failures = 0;
    while (running) {
      try (Jedis jedis = endpoint.newConnection(where)) {
        connection = jedis;
        if (!running) {
          return;
        }
        jedis.ping();
        createGroups(jedis, streams, where);
        failures = 0;
        read(jedis, streams, where);
      } catch (Exception e) {
        if (!running) {
          return;
        }
        failures++;
        Duration wait = RedisReconnect.after(failures);
        if (failures == 1 || failures % 10 == 0) {
          LOG.warn(
              "{}: not reading from {} ({} attempt(s)): {}; retrying in {} ms",
              where,
              endpoint.getHostAddress(),
              failures,
              e.getMessage(),
              wait.toMillis());
        }
        pause(wait);
      } finally {
        reading = false;
        connection = null;
      }
    }
  }

  /** XGROUP CREATE at {@code $} on each stream; an existing group is kept as it is. */
  private void createGroups(Jedis jedis, List<String> streams, String where) {
    String group = getEndpoint().getConsumerGroup();
    for (String stream : streams) {
      try {
        jedis.xgroupCreate(stream, group, StreamEntryID.XGROUP_LAST_ENTRY, false);
        LOG.info("{}: created consumer group '{}' on stream '{}'", where, group, stream);
      } catch (JedisDataException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("BUSYGROUP")) {
          continue;
        }
        if (message.contains("requires the key to exist")) {
          throw new IllegalStateException("stream '" + stream + "' does not exist yet", e);
        }
        throw e;
      }
    }
  }

  /** The read loop of one connection: pending entries first, then new ones. */
  private void read(Jedis jedis, List<String> streams, String where) {
    RedisStreamSourceEndpoint endpoint = getEndpoint();
    String group = endpoint.getConsumerGroup();
    Map<String, StreamEntryID> cursors = new LinkedHashMap<>();
    streams.forEach(stream -> cursors.put(stream, PENDING));
    XReadGroupParams params =
        XReadGroupParams.xReadGroupParams()
            .count(endpoint.getMaxMsgCountPerRead())
            .block(BLOCK_MILLIS);
    reading = true;
    LOG.info("{}: reading streams {} in group '{}'", where, streams, group);
    int routeFailures = 0;
    while (running) {
      List<Map.Entry<String, List<StreamEntry>>> batches =
          jedis.xreadGroup(group, RedisStreamSourceEndpoint.CONSUMER, params, cursors);
      if (batches == null) {
        continue;
      }
      boolean failed = false;
      for (Map.Entry<String, List<StreamEntry>> batch : batches) {
        String stream = batch.getKey();
        List<StreamEntry> entries = batch.getValue();
        if (entries == null || entries.isEmpty()) {
          cursors.put(stream, NEW); // no pending entry left: read new ones from now on
          continue;
        }
        for (StreamEntry entry : entries) {
          if (!running || !process(stream, entry)) {
            failed = true;
            cursors.put(stream, PENDING); // read this entry (still pending) again
            break;
          }
          jedis.xack(stream, group, entry.getID());
          if (!NEW.equals(cursors.get(stream))) {
            cursors.put(stream, entry.getID());
          }
        }
      }
      if (failed && running) {
        pause(RedisReconnect.after(++routeFailures));
      } else {
        routeFailures = 0;
      }
    }
  }

  private void pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis()); // the retry wait; nothing to poll
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /**
   * Sends one entry's event through the route, synchronously; true when the route completed. The
   * event id is {@code <eventSource>:<event>:<stream>:<entry id>}, so an entry read again after a
   * crash between the bus's store and the XACK carries the same id.
   */
  private boolean process(String stream, StreamEntry entry) {
    RedisStreamSourceEndpoint endpoint = getEndpoint();
    Exchange exchange = createExchange(false);
    try {
      exchange.getIn().setBody(RedisStreamEventData.of(stream, entry, metadata));
      exchange
          .getIn()
          .setHeader(
              ExchangeKeys.EVENT_ID,
              endpoint.getEventSourceName()
                  + ":"
                  + endpoint.getEventName()
                  + ":"
                  + stream
                  + ":"
                  + entry.getID());
      getProcessor().process(exchange);
    } catch (Exception e) {
      exchange.setException(e);
    }
    boolean ok = exchange.getException() == null;
    if (!ok) {
      getExceptionHandler()
          .handleException(
              "argo-redis-stream "
                  + endpoint.getName()
                  + ": event of entry "
                  + stream
                  + " "
                  + entry.getID()
                  + " failed; it stays pending and is read again",
              exchange,
              exchange.getException());
    }
    releaseExchange(exchange, false);
    return ok;
  }

  @Override
  protected void doStop() throws Exception {
    running = false;
    Jedis jedis = connection;
    if (jedis != null) {
      jedis.disconnect();
    }
    Thread thread = reader;
    reader = null;
    if (thread != null) {
      thread.interrupt();
      thread.join(5_000);
    }
    super.doStop();
  }

  /** Whether the groups exist and the read loop runs. */
  boolean isReading() {
    return reading;
  }
}
