package io.caravan.routes.bus;

import io.caravan.routes.sensor.CorrelationStore;
import io.caravan.routes.sensor.InMemoryCorrelationStore;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The bus inside one JVM, for local runs and tests. It keeps JetStream's semantics: one stream of
 * subjects with de-duplication by message id; durable consumers that start at new messages, keep
 * their position and their unsettled messages while the JVM lives (also while no consumer runs),
 * redeliver a nak'ed message after its delay and have at most {@code maxInFlight} messages
 * unsettled. There is no ack wait: in one JVM every delivered message is settled by its consumer.
 * All state is guarded by {@code this}.
 */
final class InMemoryTransport implements BusTransport {
  private static final TreeMap<Long, byte[]> EMPTY = new TreeMap<>();
  private final BusSettings settings;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> daemon(runnable, "eventbus-memory-timer"));

  private long lastSequence;

  /** subject → (sequence → data). */
  private final Map<String, TreeMap<Long, byte[]>> messages = new HashMap<>();

  /** Every stored message in publish order, to apply the stream limits. */
  private final ArrayDeque<Stored> order = new ArrayDeque<>();

  /** Message ids seen within the duplicates window → when. */
  private final LinkedHashMap<String, Long> recentIds = new LinkedHashMap<>();

  private final Map<String, Durable> durables = new HashMap<>();

  /**
   * One store for every Sensor: its keys name the Sensor. Lost with the transport, as the events
   * are.
   */
  private final CorrelationStore correlationStore = new InMemoryCorrelationStore();

  InMemoryTransport(BusSettings settings) {
    this.settings = settings;
  }

  @Override
  public CompletableFuture<Void> publish(String subject, String msgId, byte[] data) {
    List<Durable> interested = new ArrayList<>();
    synchronized (this) {
      long now = System.currentTimeMillis();
      forgetOldIds(now);
      if (recentIds.containsKey(msgId)) {
        return CompletableFuture.completedFuture(null); // a duplicate: stored already
      }
      recentIds.put(msgId, now);
      long sequence = ++lastSequence;
      messages.computeIfAbsent(subject, s -> new TreeMap<>()).put(sequence, data.clone());
      order.addLast(new Stored(sequence, subject, now));
      applyLimits(now);
      for (Durable durable : durables.values()) {
        if (durable.subject.equals(subject)) {
          interested.add(durable);
        }
      }
    }
    interested.forEach(this::pump);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public Subscription subscribe(String subject, String durableName, Consumer<Delivery> handler) {
    Active active =
        new Active(
            handler,
            Executors.newSingleThreadExecutor(
                runnable -> daemon(runnable, "eventbus-memory-" + durableName)));
    Durable durable;
    synchronized (this) {
      durable =
          durables.computeIfAbsent(
              durableName, name -> new Durable(name, subject, lastSequence + 1)); // deliver new
      if (!durable.subject.equals(subject)) {
        throw new IllegalStateException(
            "durable '" + durableName + "' consumes " + durable.subject + ", not " + subject);
      }
      if (durable.active != null) {
        throw new IllegalStateException(
            "durable '" + durableName + "' already has a running consumer");
      }
      durable.active = active;
    }
    pump(durable);
    return () -> {
      synchronized (this) {
        if (durable.active == active) {
          durable.active = null;
        }
      }
      active.stopped.set(true);
      active.executor.shutdown(); // queued deliveries run and hand their message back
    };
  }

  /** Hands out as many messages as the durable may have unsettled. */
  private void pump(Durable durable) {
    List<MemoryDelivery> ready = new ArrayList<>();
    Active active;
    synchronized (this) {
      active = durable.active;
      long now = System.currentTimeMillis();
      while (active != null && durable.unsettled.size() < settings.maxInFlight()) {
        TreeMap<Long, byte[]> log = messages.getOrDefault(durable.subject, EMPTY);
        Long sequence = durable.nextDue(now);
        boolean redelivery = sequence != null;
        if (sequence == null) {
          sequence = log.ceilingKey(durable.nextSequence);
          if (sequence == null) {
            break;
          }
          durable.nextSequence = sequence + 1;
        }
        byte[] data = log.get(sequence);
        if (data == null) {
          continue; // removed by the stream limits meanwhile
        }
        durable.unsettled.add(sequence);
        ready.add(new MemoryDelivery(durable, sequence, data, redelivery));
      }
    }
    for (MemoryDelivery delivery : ready) {
      try {
        active.executor.execute(
            () -> {
              if (active.stopped.get()) {
                delivery.release(Duration.ZERO);
              } else {
                active.handler.accept(delivery);
              }
            });
      } catch (RejectedExecutionException e) {
        delivery.release(Duration.ZERO);
      }
    }
  }

  private void settle(Durable durable, long sequence, Duration redeliverAfter) {
    synchronized (this) {
      durable.unsettled.remove(sequence);
      if (redeliverAfter != null) {
        durable.redeliverAt.put(sequence, System.currentTimeMillis() + redeliverAfter.toMillis());
      }
    }
    if (redeliverAfter != null && !redeliverAfter.isZero()) {
      timer.schedule(() -> pump(durable), redeliverAfter.toMillis(), TimeUnit.MILLISECONDS);
    }
    pump(durable);
  }

  private void forgetOldIds(long now) {
    long window = settings.streamDuplicates().toMillis();
    Iterator<Map.Entry<String, Long>> it = recentIds.entrySet().iterator();
    while (it.hasNext() && now - it.next().getValue() >= window) {
      it.remove();
    }
  }

  private void applyLimits(long now) {
    long maxAge = settings.streamMaxAge().toMillis();
    while (!order.isEmpty()
        && ((settings.streamMaxMsgs() > 0 && order.size() > settings.streamMaxMsgs())
            || (maxAge > 0 && now - order.peekFirst().storedAt >= maxAge))) {
      Stored oldest = order.removeFirst();
      messages.get(oldest.subject).remove(oldest.sequence);
    }
  }

  /** Messages of {@code durableName} delivered or waiting for redelivery but not yet acked. */
  synchronized int unacknowledged(String durableName) {
    Durable durable = durables.get(durableName);
    return durable == null ? 0 : durable.unsettled.size() + durable.redeliverAt.size();
  }

  @Override
  public CorrelationStore correlationStore(String sensorName) {
    return correlationStore;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  private record Stored(long sequence, String subject, long storedAt) {}

  private record Active(
      Consumer<Delivery> handler, ExecutorService executor, AtomicBoolean stopped) {
    Active(Consumer<Delivery> handler, ExecutorService executor) {
      this(handler, executor, new AtomicBoolean());
    }
  }

  /** A durable consumer's position; it outlives the consumers that run it. */
  private static final class Durable {
    final String name;
    final String subject;

    /** The lowest sequence never delivered. */
    long nextSequence;

    /** Delivered and not settled yet. */
    final Set<Long> unsettled = new HashSet<>();

    /** Nak'ed: sequence → earliest redelivery time (millis). */
    final TreeMap<Long, Long> redeliverAt = new TreeMap<>();

    Active active;

    Durable(String name, String subject, long nextSequence) {
      this.name = name;
      this.subject = subject;
      this.nextSequence = nextSequence;
    }

    /** The lowest sequence whose redelivery is due, removed from the waiting ones, or null. */
    Long nextDue(long now) {
      for (Map.Entry<Long, Long> entry : redeliverAt.entrySet()) {
        if (entry.getValue() <= now) {
          redeliverAt.remove(entry.getKey());
          return entry.getKey();
        }
      }
      return null;
    }
  }

  /** One delivery; only its first settlement counts. */
  private final class MemoryDelivery implements Delivery {
    private final Durable durable;
    private final long sequence;
    private final byte[] data;
    private final boolean redelivery;
    private final AtomicBoolean settled = new AtomicBoolean();

    MemoryDelivery(Durable durable, long sequence, byte[] data, boolean redelivery) {
      this.durable = durable;
      this.sequence = sequence;
      this.data = data;
      this.redelivery = redelivery;
    }

    @Override
    public boolean redelivered() {
      return redelivery;
    }

    @Override
    public byte[] data() {
      return data;
    }

    @Override
    public void ack() {
      if (settled.compareAndSet(false, true)) {
        settle(durable, sequence, null);
      }
    }

    @Override
    public void nak(Duration delay) {
      release(delay);
    }

    void release(Duration delay) {
      if (settled.compareAndSet(false, true)) {
        settle(durable, sequence, delay);
      }
    }

    @Override
    public void inProgress() {
      // No ack wait in memory: nothing to extend.
    }

    @Override
    public void term() {
      ack();
    }

    @Override
    public String describe() {
      return durable.subject + " #" + sequence + " (memory, durable " + durable.name + ")";
    }
  }
}
