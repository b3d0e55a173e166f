package io.caravan.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.routes.runtime.CaravanRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One run of a source through a {@code kill -9}: the EventSource runs in a child JVM ({@link
 * ChildRuntime}), a Sensor in this JVM posts each event's id to a {@link CountingHttpReceiver}
 * ({@code manifests/kill-recorder-sensor.yaml}). Messages {@code m-0 … m-(n-1)} are published
 * upstream (before the run, or during it by a {@link RatePublisher}); once {@code killAfter} of
 * them reached the trigger the child is killed, a new child is started on the same routes, and the
 * run waits until every message reached the trigger at least once, then until no more requests
 * come.
 */
public final class SourceKillRun {
  private final String name;
  private final Caravan source;
  private final String busUrl;
  private final Path work;
  private String eventSource;
  private String eventName;
  private String dataKey = "body.id";
  private int messages = 1_000;
  private int killAfter = 200;
  private Callable<Boolean> upstreamReady = () -> true;
  private RatePublisher.Publish publish;
  private int perSecond = 250;
  private Duration timeout = Duration.ofSeconds(60);

  private SourceKillRun(String name, Caravan source, String busUrl, Path work) {
    this.name = name;
    this.source = source;
    this.busUrl = busUrl;
    this.work = work;
  }

  /**
   * A run of the {@code source} manifests on the bus at {@code busUrl}, files under {@code work}.
   */
  public static SourceKillRun of(String name, Caravan source, String busUrl, Path work) {
    return new SourceKillRun(name, source.bus(busUrl), busUrl, work);
  }

  /** The event the sensor depends on, and where in its data the message id is. */
  public SourceKillRun event(String eventSource, String eventName, String dataKey) {
    this.eventSource = eventSource;
    this.eventName = eventName;
    this.dataKey = dataKey;
    return this;
  }

  /** How many messages; their ids are {@link #ids(int)}. */
  public SourceKillRun messages(int count) {
    this.messages = count;
    return this;
  }

  /** Kill the first child once this many requests reached the trigger. */
  public SourceKillRun killAfter(int requests) {
    this.killAfter = requests;
    return this;
  }

  /** Publishing starts once this holds (e.g. the source declared its queue or group). */
  public SourceKillRun upstreamReady(Callable<Boolean> ready) {
    this.upstreamReady = ready;
    return this;
  }

  /**
   * Publish the messages during the run, {@code perSecond} a second, from one thread, through the
   * kill and the restart. Without it the test publishes them before {@link #run()}.
   */
  public SourceKillRun publishing(int perSecond, RatePublisher.Publish publish) {
    this.perSecond = perSecond;
    this.publish = publish;
    return this;
  }

  /** The ids of {@code count} messages: {@code m-0 … m-(count-1)}. */
  public static Set<String> ids(int count) {
    return IntStream.range(0, count).mapToObj(SourceKillRun::id).collect(Collectors.toSet());
  }

  /** The id of message {@code index}. */
  public static String id(int index) {
    return "m-" + index;
  }

  /** Runs the scenario; fails when a message never reached the trigger. */
  public Result run() throws Exception {
    Set<String> ids = ids(messages);
    try (CountingHttpReceiver receiver = new CountingHttpReceiver("id");
        CaravanRuntime sensor =
            Caravan.manifests("manifests/kill-recorder-sensor.yaml")
                .with("EVENT_SOURCE", eventSource)
                .with("EVENT_NAME", eventName)
                .with("DATA_KEY", dataKey)
                .with("RECEIVER", receiver.url("/record"))
                .bus(busUrl)
                .start()) {
      int beforeKill;
      int publishedAtKill;
      RatePublisher publisher = null;
      try {
        try (ChildRuntime first =
            ChildRuntime.start(source, busUrl, work.resolve("first"), timeout)) {
          await("the upstream side of " + name + " to be ready")
              .atMost(timeout)
              .ignoreExceptions()
              .until(upstreamReady);
          if (publish != null) {
            publisher = RatePublisher.start(messages, perSecond, publish);
          }
          assertThat(receiver.awaitTotal(killAfter, timeout))
              .as("the first %s source is reading (%d arrived)", name, receiver.total())
              .isTrue();
          first.kill();
          beforeKill = receiver.total();
          publishedAtKill = publisher == null ? messages : publisher.published();
        }
        assertThat(beforeKill).as("killed in the middle of the messages").isLessThan(messages);
        try (ChildRuntime second =
            ChildRuntime.start(source, busUrl, work.resolve("second"), timeout)) {
          if (publisher != null) {
            publisher.awaitDone(timeout);
          }
          boolean all = receiver.awaitAll(ids, timeout);
          Set<String> missing = new TreeSet<>(ids);
          missing.removeAll(receiver.counts().keySet());
          assertThat(all)
              .as(
                  "every %s message reaches the trigger after the restart; %d requests, missing %s"
                      + " (logs %s, %s)",
                  name,
                  receiver.total(),
                  missing.size() > 20 ? missing.size() + " ids" : missing,
                  work.resolve("first/runtime.log"),
                  second.log())
              .isTrue();
          awaitQuiet(receiver);
        }
      } finally {
        if (publisher != null) {
          publisher.close();
        }
      }
      Result result =
          new Result(
              name,
              messages,
              publishedAtKill,
              beforeKill,
              receiver.total(),
              receiver.duplicates(),
              (int) ids.stream().filter(id -> !receiver.counts().containsKey(id)).count());
      System.out.println(result);
      return result;
    }
  }

  /** Waits until no request arrived for two seconds (late redeliveries, duplicates). */
  private static void awaitQuiet(CountingHttpReceiver receiver) {
    int[] last = {-1};
    await("no more requests")
        .pollInterval(Duration.ofMillis(100))
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              int now = receiver.total();
              boolean same = now == last[0];
              last[0] = now;
              return same;
            });
  }

  /**
   * What a run measured: messages published upstream, how many were published and had reached the
   * trigger when the child was killed, requests at the trigger in all, duplicates (requests beyond
   * the first per id) and lost messages (never reached the trigger).
   */
  public record Result(
      String source,
      int messages,
      int publishedAtKill,
      int beforeKill,
      int requests,
      int duplicates,
      int lost) {
    @Override
    public String toString() {
      return String.format(
          "%s source through kill -9: %d messages (%d published at the kill), killed after %d"
              + " reached the trigger; %d requests, %d lost, %d duplicated",
          source, messages, publishedAtKill, beforeKill, requests, lost, duplicates);
    }
  }
}
