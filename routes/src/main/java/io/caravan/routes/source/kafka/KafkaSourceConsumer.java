package io.caravan.routes.source.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.EventMetadata;
import io.caravan.routes.event.ExchangeKeys;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.backoff.RetryBackoff;
import io.caravan.routes.support.secrets.SecretRefs;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the endpoint's topic on its own thread and sends each record, as Argo's kafka event
 * data, through the route one at a time in partition order. The route ends in the bus's publish: a
 * record whose exchange completed is on the bus. In consumer-group mode the offsets of those
 * records are committed after each poll; a record the route failed on is not committed past — the
 * partition is sought back to it and it is retried after a second, so nothing is skipped (Argo
 * stops the claim until the next rebalance). In partition mode nothing is committed and every start
 * reads from the newest offset, as in Argo. A broker that is down does not block the start: the
 * thread connects with the connection backoff, for ever.
 */
final class KafkaSourceConsumer extends DefaultConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSourceConsumer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Duration RETRY_DELAY = Duration.ofSeconds(1);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final long REFUSED_LOG_INTERVAL_NANOS = Duration.ofSeconds(60).toNanos();

  private final AtomicLong lastRefusedLog =
      new AtomicLong(System.nanoTime() - REFUSED_LOG_INTERVAL_NANOS);
  private ObjectNode metadata;
  private ArgoMetrics metrics;
  private Map<String, Object> config;
  private volatile boolean running;
  private volatile boolean connected;
  private volatile KafkaConsumer<byte[], byte[]> client;
  private Thread worker;

  KafkaSourceConsumer(KafkaSourceEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
  }

  @Override
  public KafkaSourceEndpoint getEndpoint() {
    return (KafkaSourceEndpoint) super.getEndpoint();
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    KafkaSourceEndpoint endpoint = getEndpoint();
    String where = "argo-kafka " + endpoint.getName();
    metadata = EventMetadata.parse(endpoint.getMetadata(), where);
    ArgoMetrics bound =
        endpoint
            .getCamelContext()
            .getRegistry()
            .lookupByNameAndType(ArgoMetrics.BEAN_NAME, ArgoMetrics.class);
    metrics = bound == null ? ArgoMetrics.noop() : bound;
    config = KafkaSourceConfig.of(endpoint, SecretRefs.store(endpoint.getCamelContext()), where);
    running = true;
    worker = new Thread(this::run, "caravan-kafka-" + endpoint.getName());
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  protected void doStop() throws Exception {
    running = false;
    KafkaConsumer<byte[], byte[]> current = client;
    if (current != null) {
      current.wakeup();
    }
    Thread thread = worker;
    worker = null;
    if (thread != null) {
      thread.interrupt();
      thread.join(10_000);
    }
    super.doStop();
  }

  /** Whether the consumer has its assignment (connected at least once and not stopped). */
  boolean isConnected() {
    return connected;
  }

  private void run() {
    KafkaSourceEndpoint endpoint = getEndpoint();
    String where = "argo-kafka " + endpoint.getName();
    RetryBackoff backoff = KafkaSourceConfig.backoff(endpoint);
    for (int attempt = 1; running; attempt++) {
      try (KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        client = consumer;
        if (!running) {
          return;
        }
        assign(consumer, endpoint);
        connected = true;
        attempt = 0;
        LOG.info(
            "{}: consuming '{}' from {}{}",
            where,
            endpoint.getTopic(),
            endpoint.getUrl(),
            endpoint.getGroupName() == null
                ? " (partition " + endpoint.getPartition() + ", newest offset)"
                : " in group '" + endpoint.getGroupName() + "'");
        while (running) {
          consume(consumer, consumer.poll(POLL), endpoint);
        }
        return;
      } catch (WakeupException e) {
        if (!running) {
          return;
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        connected = false;
        Duration wait =
            backoff.delayAfter(
                Math.max(1, Math.min(attempt, backoff.attempts())),
                ThreadLocalRandom.current().nextDouble());
        if (attempt <= 1 || attempt % 10 == 0) {
          LOG.warn(
              "{}: not consuming from {} ({}); retrying every {} ms",
              where,
              endpoint.getUrl(),
              e.getMessage(),
              wait.toMillis());
        }
        if (!pause(wait)) {
          return;
        }
      } finally {
        client = null;
      }
    }
  }

  private static void assign(KafkaConsumer<byte[], byte[]> consumer, KafkaSourceEndpoint endpoint) {
    if (endpoint.getGroupName() != null) {
      consumer.subscribe(List.of(endpoint.getTopic()));
      return;
    }
    List<PartitionInfo> partitions =
        consumer.partitionsFor(endpoint.getTopic(), Duration.ofSeconds(30));
    int partition = endpoint.getPartition();
    if (partitions == null
        || partitions.stream().noneMatch(info -> info.partition() == partition)) {
      throw new IllegalStateException(
          "partition " + partition + " of topic '" + endpoint.getTopic() + "' is not available");
    }
    TopicPartition topicPartition = new TopicPartition(endpoint.getTopic(), partition);
    consumer.assign(List.of(topicPartition));
    consumer.seekToEnd(List.of(topicPartition));
    consumer.position(topicPartition);
  }

  /**
   * Sends the polled records through the route partition by partition; commits what passed (group
   * mode), seeks back to a record that failed and waits before the next poll.
   */
  private void consume(
      KafkaConsumer<byte[], byte[]> consumer,
      ConsumerRecords<byte[], byte[]> records,
      KafkaSourceEndpoint endpoint)
      throws InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    boolean failed = false;
    for (TopicPartition partition : records.partitions()) {
      for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
        if (!running || !handle(record, endpoint)) {
          consumer.seek(partition, record.offset());
          failed = running;
          break;
        }
        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
        throttle(endpoint);
      }
    }
    if (endpoint.getGroupName() != null && !done.isEmpty()) {
      consumer.commitSync(done);
    }
    if (failed && !pause(RETRY_DELAY)) {
      throw new InterruptedException("stopped");
    }
  }

  /** One record through the route; false when the route failed (the record is retried). */
  private boolean handle(ConsumerRecord<byte[], byte[]> record, KafkaSourceEndpoint endpoint) {
    ObjectNode data;
    try {
      data = KafkaEventData.of(record, endpoint.isJsonBody(), metadata);
    } catch (KafkaEventData.NotJsonException e) {
      refused(record, e);
      return true;
    }
    Exchange exchange = createExchange(false);
    try {
      exchange.getIn().setBody(data);
      exchange
          .getIn()
          .setHeader(
              ExchangeKeys.EVENT_ID,
              endpoint.getEventSourceName()
                  + ":"
                  + endpoint.getEventName()
                  + ":"
                  + endpoint.firstBroker()
                  + ":"
                  + record.topic()
                  + ":"
                  + record.partition()
                  + ":"
                  + record.offset());
      getProcessor().process(exchange);
    } catch (Exception e) {
      exchange.setException(e);
    }
    boolean ok = exchange.getException() == null;
    if (!ok) {
      getExceptionHandler()
          .handleException(
              "argo-kafka "
                  + endpoint.getName()
                  + ": event of "
                  + record.topic()
                  + "/"
                  + record.partition()
                  + "@"
                  + record.offset()
                  + " failed; retried",
              exchange,
              exchange.getException());
    }
    releaseExchange(exchange, false);
    return ok;
  }

  private void refused(ConsumerRecord<byte[], byte[]> record, KafkaEventData.NotJsonException e) {
    KafkaSourceEndpoint endpoint = getEndpoint();
    metrics.eventProcessingFailed(endpoint.getEventSourceName(), endpoint.getEventName());
    long now = System.nanoTime();
    long last = lastRefusedLog.get();
    if (now - last >= REFUSED_LOG_INTERVAL_NANOS && lastRefusedLog.compareAndSet(last, now)) {
      LOG.warn(
          "argo-kafka {}: record {}/{}@{} skipped: jsonBody is true but {} (logged once a minute)",
          endpoint.getName(),
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
    }
  }

  /** Argo's limitEventsPerSecond: a pause after each event, in consumer-group mode. */
  private void throttle(KafkaSourceEndpoint endpoint) throws InterruptedException {
    long limit = endpoint.getLimitEventsPerSecond();
    if (limit > 0 && endpoint.getGroupName() != null) {
      TimeUnit.NANOSECONDS.sleep(1_000_000_000L / limit); // the configured rate; nothing to poll
    }
  }

  /** Waits, unless stopped first; false when stopped. */
  private boolean pause(Duration wait) {
    try {
      Thread.sleep(Math.max(1, wait.toMillis())); // a retry wait; nothing to poll
      return running;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
