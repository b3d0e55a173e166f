package io.caravan.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per event (by sequence number): when it was sent, what the webhook answered, when and how often
 * it arrived at the receiver. Times are microseconds since the harness started (one JVM, one
 * clock).
 */
final class Tracker {
  static final int NONE = 0;
  static final int ACCEPTED = 1;
  static final int REFUSED = 2;
  static final int FAILED = 3;

  private final long t0 = System.nanoTime();
  private final int capacity;
  private final AtomicIntegerArray sent;
  private final AtomicIntegerArray answer;
  private final AtomicIntegerArray arrival;
  private final AtomicIntegerArray arrivals;
  private final AtomicLong nextSeq = new AtomicLong();
  private final AtomicLong totalArrivals = new AtomicLong();
  private final AtomicLong unknownArrivals = new AtomicLong();

  Tracker(int capacity) {
    this.capacity = capacity;
    this.sent = new AtomicIntegerArray(capacity);
    this.answer = new AtomicIntegerArray(capacity);
    this.arrival = new AtomicIntegerArray(capacity);
    this.arrivals = new AtomicIntegerArray(capacity);
  }

  int nowMicros() {
    return (int) ((System.nanoTime() - t0) / 1000);
  }

  /** Reserves the next sequence number, or -1 when the capacity is used up. */
  int nextSeq() {
    long seq = nextSeq.getAndIncrement();
    return seq < capacity ? (int) seq : -1;
  }

  int peekSeq() {
    return (int) Math.min(nextSeq.get(), capacity);
  }

  void sent(int seq, int micros) {
    sent.set(seq, micros);
  }

  void answered(int seq, int outcome) {
    answer.set(seq, outcome);
  }

  void arrived(int seq) {
    totalArrivals.incrementAndGet();
    if (seq < 0 || seq >= capacity) {
      unknownArrivals.incrementAndGet();
      return;
    }
    if (arrivals.getAndIncrement(seq) == 0) {
      arrival.set(seq, nowMicros());
    }
  }

  long totalArrivals() {
    return totalArrivals.get();
  }

  /** Counts over {@code [from, to)}. */
  Outcome outcome(int from, int to) {
    long accepted = 0;
    long refused = 0;
    long failed = 0;
    long triggered = 0;
    long lost = 0;
    long duplicated = 0;
    long triggeredRefused = 0;
    for (int seq = from; seq < to; seq++) {
      int a = answer.get(seq);
      int n = arrivals.get(seq);
      if (a == ACCEPTED) {
        accepted++;
        if (n == 0) {
          lost++;
        }
      } else if (a == REFUSED) {
        refused++;
      } else if (a == FAILED || a == NONE) {
        failed++;
      }
      if (n > 0) {
        triggered++;
        duplicated += n - 1;
        if (a != ACCEPTED) {
          triggeredRefused++;
        }
      }
    }
    return new Outcome(
        to - from, accepted, refused, failed, triggered, lost, duplicated, triggeredRefused);
  }

  /** Events of {@code [from, to)} that had arrived by {@code micros}. */
  long arrivedBy(int from, int to, int micros) {
    long n = 0;
    for (int seq = from; seq < to; seq++) {
      if (arrivals.get(seq) > 0 && arrival.get(seq) <= micros) {
        n++;
      }
    }
    return n;
  }

  /** Sorted end-to-end latencies (µs) of the events in {@code [from, to)} that arrived. */
  int[] endToEnd(int from, int to) {
    int[] values = new int[to - from];
    int n = 0;
    for (int seq = from; seq < to; seq++) {
      if (arrivals.get(seq) > 0 && answer.get(seq) == ACCEPTED) {
        values[n++] = arrival.get(seq) - sent.get(seq);
      }
    }
    int[] result = Arrays.copyOf(values, n);
    Arrays.sort(result);
    return result;
  }

  /**
   * Waits until every accepted event of {@code [from, to)} arrived, or nothing arrived for {@code
   * quietMillis}.
   */
  boolean awaitDelivered(int from, int to, long quietMillis, long maxMillis) {
    long deadline = System.currentTimeMillis() + maxMillis;
    long lastCount = -1;
    long lastChange = System.currentTimeMillis();
    int cursor = from;
    while (System.currentTimeMillis() < deadline) {
      while (cursor < to && (answer.get(cursor) != ACCEPTED || arrivals.get(cursor) > 0)) {
        cursor++;
      }
      if (cursor >= to) {
        return true;
      }
      long count = totalArrivals.get();
      if (count != lastCount) {
        lastCount = count;
        lastChange = System.currentTimeMillis();
      } else if (System.currentTimeMillis() - lastChange > quietMillis) {
        return false;
      }
      Proc.sleep(50);
    }
    return false;
  }

  /** What happened to a range of events. */
  record Outcome(
      long sent,
      long accepted,
      long refused,
      long failed,
      long triggered,
      long lost,
      long duplicated,
      long triggeredButRefused) {}
}
