package io.caravan.bench;

import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStream;
import io.nats.client.MessageConsumer;
import io.nats.client.Nats;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Limit (b): raw JetStream on the same server kind: {@code publishAsync} of the 600-byte event with
 * {@code Nats-Msg-Id} (window of 1,000 outstanding PubAcks), then a durable pull consumer ({@code
 * consume()}, explicit ack). In the harness JVM, after a warm-up round of the same size.
 */
final class RawJetStream {
  private RawJetStream() {}

  static void run(Bench bench) throws Exception {
    int n = bench.config.rawMessages();
    try (NatsServer nats = bench.nats();
        Connection pub = Nats.connect(nats.url());
        Connection sub = Nats.connect(nats.url())) {
      pub.jetStreamManagement()
          .addStream(
              StreamConfiguration.builder()
                  .name("raw")
                  .subjects("raw.*")
                  .storageType(StorageType.File)
                  .build());
      byte[] data = Payloads.event(0).getBytes();
      for (int round = 0; round < 2; round++) {
        String subject = "raw.r" + round;
        double publishSeconds = publish(pub.jetStream(), subject, data, n, round);
        double consumeSeconds = consume(sub, subject, "raw" + round, n);
        if (round == 1) {
          bench.results.add(
              Throughput.SECTION, "raw-jetstream", "publish_per_s", n / publishSeconds, "msgs/s");
          bench.results.add(
              Throughput.SECTION, "raw-jetstream", "consume_per_s", n / consumeSeconds, "msgs/s");
          Bench.log(
              String.format(
                  java.util.Locale.ROOT,
                  "raw-jetstream: publishAsync %.0f msgs/s, consume %.0f msgs/s",
                  n / publishSeconds,
                  n / consumeSeconds));
        }
      }
    }
  }

  private static double publish(JetStream js, String subject, byte[] data, int n, int round)
      throws Exception {
    Semaphore window = new Semaphore(1000);
    AtomicInteger failed = new AtomicInteger();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      window.acquire();
      Headers headers = new Headers().put("Nats-Msg-Id", "r" + round + "-" + i);
      js.publishAsync(subject, headers, data)
          .whenComplete(
              (ack, error) -> {
                if (error != null) {
                  failed.incrementAndGet();
                }
                window.release();
              });
    }
    window.acquire(1000);
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " raw publishes failed");
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static double consume(Connection connection, String subject, String durable, int n)
      throws Exception {
    ConsumerContext context =
        connection
            .getStreamContext("raw")
            .createOrUpdateConsumer(
                ConsumerConfiguration.builder()
                    .durable(durable)
                    .filterSubject(subject)
                    .ackPolicy(AckPolicy.Explicit)
                    .deliverPolicy(DeliverPolicy.All)
                    .build());
    CountDownLatch all = new CountDownLatch(n);
    long start = System.nanoTime();
    try (MessageConsumer consumer =
        context.consume(
            ConsumeOptions.builder().batchSize(500).build(),
            message -> {
              message.ack();
              all.countDown();
            })) {
      if (!all.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("raw consumer got " + (n - all.getCount()) + " of " + n);
      }
      return (System.nanoTime() - start) / 1e9;
    }
  }
}
