package io.caravan.routes.source.redis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.EventMetadata;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.redis.RedisReconnect;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Subscribes to the endpoint's channels and sends each message, as Argo's redis event data, through
 * the route, one at a time and in order. Starting does not wait for the server: a background thread
 * connects, subscribes, and after a lost connection connects and subscribes again, for ever.
 * Pub/Sub has no acknowledgements: a message the route fails on, or one published while not
 * subscribed, is lost, as in Argo (failures are counted and logged).
 */
final class RedisSourceConsumer extends DefaultConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(RedisSourceConsumer.class);
  private static final long REFUSED_LOG_INTERVAL_NANOS = Duration.ofSeconds(60).toNanos();

  private final AtomicLong lastRefusedLog =
      new AtomicLong(System.nanoTime() - REFUSED_LOG_INTERVAL_NANOS);
  private volatile boolean running;
  private volatile boolean subscribed;
  private volatile Jedis connection;
  private volatile Subscription subscription;
  private ObjectNode metadata;
  private ArgoMetrics metrics;
  private Thread subscriber;

  RedisSourceConsumer(RedisSourceEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
  }

  @Override
  public RedisSourceEndpoint getEndpoint() {
    return (RedisSourceEndpoint) super.getEndpoint();
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    RedisSourceEndpoint endpoint = getEndpoint();
    String where = "argo-redis " + endpoint.getName();
    metadata = EventMetadata.parse(endpoint.getMetadata(), where);
    ArgoMetrics bound =
        endpoint
            .getCamelContext()
            .getRegistry()
            .lookupByNameAndType(ArgoMetrics.BEAN_NAME, ArgoMetrics.class);
    metrics = bound == null ? ArgoMetrics.noop() : bound;
    List<String> channels = endpoint.channelList();
    running = true;
    subscriber =
        new Thread(() -> subscribe(channels, where), "caravan-redis-" + endpoint.getName());
    subscriber.setDaemon(true);
    subscriber.start();
  }

  /** Connects and subscribes until stopped; a lost connection is made again after a wait. */
  private void subscribe(List<String> channels, String where) {
    RedisSourceEndpoint endpoint = getEndpoint();
    int failures = 0;
    while (running) {
      Subscription pubSub = new Subscription(channels.size(), where);
      try (Jedis jedis = endpoint.newConnection(where)) {
        connection = jedis;
        subscription = pubSub;
        if (!running) {
          return;
        }
        jedis.ping();
        failures = 0;
        jedis.subscribe(pubSub, channels.toArray(String[]::new));
      } catch (Exception e) {
        if (!running) {
          return;
        }
        failures++;
        Duration wait = RedisReconnect.after(failures);
        if (failures == 1 || failures % 10 == 0) {
          LOG.warn(
              "{}: not subscribed on {} ({} attempt(s)): {}; retrying in {} ms",
              where,
              endpoint.getHostAddress(),
              failures,
              e.getMessage(),
              wait.toMillis());
        }
        pause(wait);
      } finally {
        subscribed = false;
        connection = null;
      }
    }
  }

  private void pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis()); // the reconnection wait; nothing to poll
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  protected void doStop() throws Exception {
    running = false;
    Subscription pubSub = subscription;
    if (pubSub != null && pubSub.isSubscribed()) {
      try {
        pubSub.unsubscribe();
      } catch (Exception e) {
        LOG.debug("argo-redis {}: unsubscribe: {}", getEndpoint().getName(), e.getMessage());
      }
    }
    Jedis jedis = connection;
    if (jedis != null) {
      jedis.disconnect();
    }
    Thread thread = subscriber;
    subscriber = null;
    if (thread != null) {
      thread.interrupt();
      thread.join(5_000);
    }
    super.doStop();
  }

  /** Whether every channel's subscription is confirmed by the server. */
  boolean isSubscribed() {
    return subscribed;
  }

  private void onMessage(String channel, String payload) {
    RedisSourceEndpoint endpoint = getEndpoint();
    ObjectNode data;
    try {
      data = RedisEventData.of(channel, payload, endpoint.isJsonBody(), metadata);
    } catch (RedisEventData.NotJsonException e) {
      failed("message on '" + channel + "' dropped: jsonBody is true but " + e.getMessage());
      return;
    }
    Exchange exchange = createExchange(false);
    try {
      exchange.getIn().setBody(data);
      getProcessor().process(exchange);
    } catch (Exception e) {
      exchange.setException(e);
    }
    if (exchange.getException() != null) {
      metrics.eventProcessingFailed(endpoint.getEventSourceName(), endpoint.getEventName());
      getExceptionHandler()
          .handleException(
              "argo-redis " + endpoint.getName() + ": event failed",
              exchange,
              exchange.getException());
    }
    releaseExchange(exchange, false);
  }

  /** Counts and logs (once a minute) a message that cannot become an event. */
  private void failed(String what) {
    RedisSourceEndpoint endpoint = getEndpoint();
    metrics.eventProcessingFailed(endpoint.getEventSourceName(), endpoint.getEventName());
    long now = System.nanoTime();
    long last = lastRefusedLog.get();
    if (now - last >= REFUSED_LOG_INTERVAL_NANOS && lastRefusedLog.compareAndSet(last, now)) {
      LOG.warn("argo-redis {}: {} (logged once a minute)", endpoint.getName(), what);
    }
  }

  /** The Pub/Sub callbacks of one connection. */
  private final class Subscription extends JedisPubSub {
    private final int channels;
    private final String where;

    Subscription(int channels, String where) {
      this.channels = channels;
      this.where = where;
    }

    @Override
    public void onSubscribe(String channel, int subscribedChannels) {
      if (subscribedChannels >= channels) {
        subscribed = true;
        LOG.info("{}: subscribed to {}", where, getEndpoint().channelList());
      }
    }

    @Override
    public void onMessage(String channel, String message) {
      RedisSourceConsumer.this.onMessage(channel, message);
    }
  }
}
