package io.caravan.routes.bus;

import io.caravan.routes.bus.BusTransport.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One durable on Kafka: a consumer group reading the bus topic and handing the records keyed with
 * its subject to the handler (the other keys are settled at once). Only the poll thread touches the
 * {@link KafkaConsumer}; settlements from other threads are queued for it. Per partition the
 * committed offset is the lowest unsettled one, so nothing is committed before it was acked. A nak
 * keeps the record unsettled and hands it again after the delay; at most {@code maxInFlight}
 * records are unsettled (the partitions are paused meanwhile). A record whose id this consumer
 * already saw at another offset within {@code streamDuplicates} is acked without delivery.
 */
final class KafkaSubscription implements BusTransport.Subscription {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSubscription.class);

  private final String topic;
  private final String key;
  private final String group;
  private final BusSettings settings;
  private final Consumer<Delivery> handler;
  private final Consumer<KafkaSubscription> onStop;
  private final KafkaConsumer<String, byte[]> consumer;
  private final ExecutorService deliveries;
  private final ScheduledExecutorService timer;
  private final Thread poller;
  private final AtomicBoolean running = new AtomicBoolean(true);

  /** Settled (partition, offset, generation) waiting for the poll thread. */
  private static final Duration SETTLE_ON_STOP = Duration.ofSeconds(5);

  private final java.util.concurrent.LinkedBlockingQueue<Settled> settledQueue =
      new java.util.concurrent.LinkedBlockingQueue<>();

  // Poll-thread state.
  private final Map<TopicPartition, TreeMap<Long, Boolean>> tracked = new HashMap<>();
  private final Map<TopicPartition, Integer> generations = new HashMap<>();
  private final LinkedHashMap<String, Seen> seenIds = new LinkedHashMap<>();
  private int unsettled;

  KafkaSubscription(
      String bootstrap,
      String topic,
      String key,
      String group,
      BusSettings settings,
      Consumer<Delivery> handler,
      Consumer<KafkaSubscription> onStop) {
    this.topic = topic;
    this.key = key;
    this.group = group;
    this.settings = settings;
    this.handler = handler;
    this.onStop = onStop;
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxInFlight());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    this.consumer = new KafkaConsumer<>(props);
    this.deliveries = Executors.newSingleThreadExecutor(r -> daemon(r, "eventbus-kafka-" + group));
    this.timer =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "eventbus-kafka-nak-" + group));
    this.poller = daemon(this::pollLoop, "eventbus-kafka-poll-" + group);
  }

  void start() {
    poller.start();
  }

  private void pollLoop() {
    try {
      consumer.subscribe(List.of(topic), new Rebalance());
      while (running.get()) {
        drainSettled();
        if (unsettled >= settings.maxInFlight()) {
          consumer.pause(consumer.assignment());
        } else {
          consumer.resume(consumer.paused());
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
          receive(record);
        }
      }
      settleBeforeClosing();
    } catch (org.apache.kafka.common.errors.WakeupException e) {
      settleBeforeClosing();
    } catch (RuntimeException e) {
      LOG.error("Event bus: Kafka consumer {} stopped: {}", group, e.toString(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * On stop, deliveries handed out before it may still be acked (their triggers finishing): waits
   * up to {@link #SETTLE_ON_STOP} for them and commits what they settled, so a clean stop does not
   * hand already-handled events to the next consumer. What is still unsettled then is redelivered.
   */
  private void settleBeforeClosing() {
    long deadline = System.nanoTime() + SETTLE_ON_STOP.toNanos();
    try {
      drainSettled();
      while (unsettled > 0 && System.nanoTime() < deadline) {
        Settled next = settledQueue.poll(20, TimeUnit.MILLISECONDS);
        if (next != null) {
          settledQueue.add(next);
          drainSettled();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (org.apache.kafka.common.errors.WakeupException e) {
      drainSettled(); // the stop's wakeup reached a commit: commit again
    }
  }

  private void receive(ConsumerRecord<String, byte[]> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    TreeMap<Long, Boolean> offsets = tracked.computeIfAbsent(partition, p -> new TreeMap<>());
    if (!key.equals(record.key()) || duplicate(record)) {
      offsets.put(record.offset(), true);
      commit(partition, offsets);
      return;
    }
    offsets.put(record.offset(), false);
    unsettled++;
    int generation = generations.getOrDefault(partition, 0);
    hand(new KafkaDelivery(partition, record.offset(), generation, record.value(), false));
  }

  private boolean duplicate(ConsumerRecord<String, byte[]> record) {
    Header header = record.headers().lastHeader(KafkaTransport.MSG_ID_HEADER);
    if (header == null) {
      return false;
    }
    long window = settings.streamDuplicates().toMillis();
    Iterator<Seen> it = seenIds.values().iterator();
    while (it.hasNext() && record.timestamp() - it.next().timestamp >= window) {
      it.remove();
    }
    String id = new String(header.value(), StandardCharsets.UTF_8);
    Seen seen = seenIds.get(id);
    if (seen != null && record.timestamp() - seen.timestamp < window) {
      return !(seen.partition == record.partition() && seen.offset == record.offset());
    }
    seenIds.put(id, new Seen(record.partition(), record.offset(), record.timestamp()));
    return false;
  }

  private void hand(KafkaDelivery delivery) {
    try {
      deliveries.execute(() -> handler.accept(delivery));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Stopped: left uncommitted, so the group delivers it again.
    }
  }

  private void drainSettled() {
    Map<TopicPartition, TreeMap<Long, Boolean>> touched = new HashMap<>();
    Settled settled;
    while ((settled = settledQueue.poll()) != null) {
      TreeMap<Long, Boolean> offsets = tracked.get(settled.partition);
      if (offsets == null
          || generations.getOrDefault(settled.partition, 0) != settled.generation
          || !Boolean.FALSE.equals(offsets.get(settled.offset))) {
        continue; // revoked meanwhile: the new owner delivers it again
      }
      offsets.put(settled.offset, true);
      unsettled--;
      touched.put(settled.partition, offsets);
    }
    touched.forEach(this::commit);
  }

  /** Commits past the settled prefix of {@code offsets}. */
  private void commit(TopicPartition partition, TreeMap<Long, Boolean> offsets) {
    Long next = null;
    while (!offsets.isEmpty() && offsets.firstEntry().getValue()) {
      next = offsets.pollFirstEntry().getKey() + 1;
    }
    if (next != null) {
      consumer.commitSync(Map.of(partition, new OffsetAndMetadata(next)));
    }
  }

  @Override
  public void stop() {
    if (!running.compareAndSet(true, false)) {
      return;
    }
    consumer.wakeup();
    deliveries.shutdown();
    timer.shutdownNow();
    try {
      poller.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    onStop.accept(this);
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  private record Settled(TopicPartition partition, long offset, int generation) {}

  private record Seen(int partition, long offset, long timestamp) {}

  /** Forgets the revoked partitions' unsettled records: their new owner delivers them. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      drainSettled();
      for (TopicPartition partition : partitions) {
        TreeMap<Long, Boolean> offsets = tracked.remove(partition);
        if (offsets != null) {
          unsettled -= (int) offsets.values().stream().filter(s -> !s).count();
        }
        generations.merge(partition, 1, Integer::sum);
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      // Positions come from the committed offsets.
    }
  }

  /** One attempt to deliver a record; only its first settlement counts. */
  private final class KafkaDelivery implements Delivery {
    private final TopicPartition partition;
    private final long offset;
    private final int generation;
    private final byte[] data;
    private final boolean redelivery;
    private final AtomicBoolean settled = new AtomicBoolean();

    KafkaDelivery(
        TopicPartition partition, long offset, int generation, byte[] data, boolean redelivery) {
      this.partition = partition;
      this.offset = offset;
      this.generation = generation;
      this.data = data;
      this.redelivery = redelivery;
    }

    @Override
    public byte[] data() {
      return data;
    }

    @Override
    public void ack() {
      if (settled.compareAndSet(false, true)) {
        settledQueue.add(new Settled(partition, offset, generation));
      }
    }

    @Override
    public void nak(Duration delay) {
      if (settled.compareAndSet(false, true) && running.get()) {
        KafkaDelivery again = new KafkaDelivery(partition, offset, generation, data, true);
        try {
          timer.schedule(() -> hand(again), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
          // Stopped: left uncommitted, so the group delivers it again.
        }
      }
    }

    @Override
    public void inProgress() {
      // No ack wait: the poll thread keeps the group membership alive.
    }

    @Override
    public void term() {
      ack();
    }

    @Override
    public String describe() {
      return partition + "@" + offset + " (kafka, group " + group + ")";
    }

    @Override
    public boolean redelivered() {
      return redelivery;
    }
  }
}
