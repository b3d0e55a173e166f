package io.caravan.routes.source.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.testing.TestContexts;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calendar persistence: where the last event is kept (ConfigMaps on the fabric8 CRUD mock API
 * server, files, memory), catch-up across a real restart, and retries of events that cannot be
 * sent.
 */
@EnableKubernetesMockClient(https = false, crud = true)
class CalendarPersistenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static KubernetesClient client;

  @BeforeEach
  void cleanNamespace() {
    client.configMaps().inNamespace("jobs").delete();
  }

  @Test
  void configMapStoreCreatesOnlyWhenAllowedAndKeepsOtherKeys() {
    ConfigMapCalendarEventStore store = new ConfigMapCalendarEventStore(client, "jobs");
    assertThatThrownBy(() -> store.load("calendar-state", false, "nightly.backup"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "ConfigMap jobs/calendar-state does not exist and persistence.configMap.createIfNotExist is false");
    assertThatThrownBy(() -> store.save("calendar-state", false, "nightly.backup", "{}"))
        .hasMessageContaining("does not exist");

    assertThat(store.load("calendar-state", true, "nightly.backup")).isNull();
    assertThat(client.configMaps().inNamespace("jobs").withName("calendar-state").get())
        .isNotNull();

    store.save("calendar-state", false, "nightly.backup", "{\"eventTime\":\"a\"}");
    store.save("calendar-state", false, "nightly.report", "{\"eventTime\":\"b\"}");
    store.save("calendar-state", false, "nightly.backup", "{\"eventTime\":\"c\"}");
    ConfigMap map = client.configMaps().inNamespace("jobs").withName("calendar-state").get();
    assertThat(map.getData())
        .containsEntry("nightly.backup", "{\"eventTime\":\"c\"}")
        .containsEntry("nightly.report", "{\"eventTime\":\"b\"}")
        .hasSize(2);
    assertThat(store.load("calendar-state", false, "nightly.report"))
        .isEqualTo("{\"eventTime\":\"b\"}");
  }

  @Test
  void configMapStoreSavesIntoAConfigMapMadeByTheUser() {
    client
        .configMaps()
        .inNamespace("jobs")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("made-by-hand")
                .endMetadata()
                .addToData("other", "kept")
                .build())
        .create();
    ConfigMapCalendarEventStore store = new ConfigMapCalendarEventStore(client, "jobs");
    store.save("made-by-hand", false, "es.tick", "{}");
    assertThat(client.configMaps().inNamespace("jobs").withName("made-by-hand").get().getData())
        .containsEntry("other", "kept")
        .containsEntry("es.tick", "{}");
  }

  @Test
  void fileStoreSurvivesANewInstance(@TempDir Path dir) throws Exception {
    new FileCalendarEventStore(dir).save("calendar-state", false, "es.a", "{\"eventTime\":\"x\"}");
    new FileCalendarEventStore(dir).save("calendar-state", false, "es.b", "{\"eventTime\":\"y\"}");
    FileCalendarEventStore reopened = new FileCalendarEventStore(dir);
    assertThat(reopened.load("calendar-state", false, "es.a")).isEqualTo("{\"eventTime\":\"x\"}");
    assertThat(reopened.load("calendar-state", false, "es.b")).isEqualTo("{\"eventTime\":\"y\"}");
    assertThat(reopened.load("elsewhere", false, "es.a")).isNull();
    assertThat(JSON.readTree(Files.readString(dir.resolve("calendar-state.json"))).size())
        .isEqualTo(2);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("calendar-state.json");
    }
    assertThatThrownBy(() -> reopened.save("../escape", false, "k", "{}"))
        .hasMessageContaining("not a ConfigMap name");
  }

  /**
   * An interval calendar runs, is stopped for about 3 s, and starts again on the same ConfigMap:
   * the seconds it missed are sent at once on start, so the event times of both runs leave no
   * second out.
   */
  @Test
  void restartCatchesUpEveryMissedIntervalFromTheConfigMap() throws Exception {
    String uri =
        "argo-calendar:maintenance.tick?interval=1s&persistenceConfigMap=calendar-state"
            + "&persistenceCreate=true&catchup=true&catchupMaxDuration=1h";
    List<Instant> times = Collections.synchronizedList(new ArrayList<>());
    try (CamelContext first = calendarContext(uri, times, null)) {
      first.start();
      await(() -> times.size() >= 3, Duration.ofSeconds(10));
    }
    String saved =
        client
            .configMaps()
            .inNamespace("jobs")
            .withName("calendar-state")
            .get()
            .getData()
            .get("maintenance.tick");
    assertThat(GoTimeFormat.parse(JSON.readTree(saved).get("eventTime").asText()))
        .isEqualTo(last(times));
    int firstRun = times.size();
    Thread.sleep(3_200); // justified: three schedule seconds must pass while it is stopped

    try (CamelContext second = calendarContext(uri, times, null)) {
      long started = System.nanoTime();
      second.start();
      await(() -> times.size() >= firstRun + 3, Duration.ofSeconds(5));
      // the 3 missed seconds came at once, not one per second
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(Duration.ofMillis(2_500));
      await(() -> times.size() >= firstRun + 5, Duration.ofSeconds(10));
    }
    List<Instant> all = new ArrayList<>(times);
    for (int i = 1; i < all.size(); i++) {
      Duration gap = Duration.between(all.get(i - 1), all.get(i));
      assertThat(gap)
          .as("gap before event %d of %s", i, all)
          .isBetween(Duration.ofMillis(500), Duration.ofMillis(1_500));
    }
  }

  /**
   * With persistence, an event the route cannot send is retried every 100 ms, then kept as the last
   * one.
   */
  @Test
  void failedEventIsRetriedUntilSentThenSaved() throws Exception {
    InMemoryCalendarEventStore store = new InMemoryCalendarEventStore();
    store.save(
        "calendar-state",
        false,
        "maintenance.tick",
        "{\"eventTime\":\"2025-12-31 23:59:30 +0000 UTC\"}");
    AtomicInteger attempts = new AtomicInteger();
    List<Instant> times = Collections.synchronizedList(new ArrayList<>());
    try (CamelContext camel =
        calendarContext(
            "argo-calendar:maintenance.tick?schedule=RAW(0 0 1 1 *)&timezone=UTC"
                + "&persistenceConfigMap=calendar-state&catchup=true",
            times,
            store)) {
      camel
          .getComponent("argo-calendar", CalendarComponent.class)
          .setClock(Clock.fixed(Instant.parse("2026-01-01T00:00:30Z"), ZoneOffset.UTC));
      camel
          .getRegistry()
          .bind(
              "flaky",
              (org.apache.camel.Processor)
                  exchange -> {
                    if (attempts.incrementAndGet() <= 3) {
                      throw new IllegalStateException("bus unavailable");
                    }
                  });
      camel.start();
      await(() -> times.size() == 1, Duration.ofSeconds(5));
    }
    assertThat(attempts).hasValue(4);
    assertThat(times).containsExactly(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(store.load("calendar-state", false, "maintenance.tick"))
        .contains("2026-01-01 00:00:00 +0000 UTC");
  }

  /**
   * Without persistence Argo skips an event it cannot send: one attempt, reported, nothing kept.
   */
  @Test
  void withoutPersistenceAFailedEventIsNotRetried() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    try (CamelContext camel =
        calendarContext("argo-calendar:plain?schedule=RAW(0 0 1 1 *)", new ArrayList<>(), null)) {
      camel
          .getRegistry()
          .bind(
              "flaky",
              (org.apache.camel.Processor)
                  exchange -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("bus unavailable");
                  });
      camel.start();
      ((CalendarConsumer) camel.getRoute("calendar").getConsumer())
          .fire(Instant.parse("2026-01-01T00:00:00Z"));
    }
    assertThat(attempts).hasValue(1);
  }

  @Test
  void stoppingEndsRetriesOfAnEventThatCannotBeSent() throws Exception {
    InMemoryCalendarEventStore store = new InMemoryCalendarEventStore();
    store.save(
        "calendar-state",
        false,
        "maintenance.tick",
        "{\"eventTime\":\"2026-03-01 09:58:30 +0000 UTC\"}");
    AtomicInteger attempts = new AtomicInteger();
    CamelContext camel =
        calendarContext(
            "argo-calendar:maintenance.tick?schedule=RAW(* * * * *)&timezone=UTC"
                + "&persistenceConfigMap=calendar-state&catchup=true",
            new ArrayList<>(),
            store);
    camel
        .getComponent("argo-calendar", CalendarComponent.class)
        .setClock(Clock.fixed(Instant.parse("2026-03-01T09:59:30Z"), ZoneOffset.UTC));
    camel
        .getRegistry()
        .bind(
            "flaky",
            (org.apache.camel.Processor)
                exchange -> {
                  attempts.incrementAndGet();
                  throw new IllegalStateException("bus unavailable");
                });
    camel.start();
    await(() -> attempts.get() >= 5, Duration.ofSeconds(5));
    long stopping = System.nanoTime();
    camel.stop();
    assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(5));
    int afterStop = attempts.get();
    org.awaitility.Awaitility.await("no attempt after stop")
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> attempts.get() == afterStop);
    assertThat(store.load("calendar-state", false, "maintenance.tick")).contains("09:58:30");
  }

  /** persistence without catch-up: nothing is sent on start; every event sent is kept. */
  @Test
  void persistenceWithoutCatchUpOnlySaves() throws Exception {
    InMemoryCalendarEventStore store = new InMemoryCalendarEventStore();
    store.save(
        "calendar-state", false, "es.hourly", "{\"eventTime\":\"2020-01-01 00:00:00 +0000 UTC\"}");
    List<Instant> times = Collections.synchronizedList(new ArrayList<>());
    try (CamelContext camel =
        calendarContext(
            "argo-calendar:es.hourly?schedule=RAW(0 * * * *)"
                + "&persistenceConfigMap=calendar-state",
            times,
            store)) {
      camel.start();
      org.awaitility.Awaitility.await("nothing sent on start")
          .during(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(2))
          .until(times::isEmpty);
      ((CalendarConsumer) camel.getRoute("calendar").getConsumer())
          .fire(Instant.parse("2026-01-01T05:00:00Z"));
      assertThat(times).hasSize(1);
    }
    assertThat(
            GoTimeFormat.parse(
                JSON.readTree(store.load("calendar-state", false, "es.hourly"))
                    .get("eventTime")
                    .asText()))
        .isEqualTo(times.get(0));
  }

  @Test
  void componentStoreOptionChoosesWhereEventsAreKept(@TempDir Path dir) throws Exception {
    try (CamelContext camel = TestContexts.create()) {
      CalendarComponent component = camel.getComponent("argo-calendar", CalendarComponent.class);
      component.setStore("dir:" + dir);
      assertThat(component.eventStore()).isInstanceOf(FileCalendarEventStore.class);
    }
    try (CamelContext camel = TestContexts.create()) {
      CalendarComponent component = camel.getComponent("argo-calendar", CalendarComponent.class);
      component.setStore("memory");
      assertThat(component.eventStore()).isInstanceOf(InMemoryCalendarEventStore.class);
    }
    try (CamelContext camel = TestContexts.create()) {
      camel.getRegistry().bind("kubernetesClient", client);
      CalendarComponent component = camel.getComponent("argo-calendar", CalendarComponent.class);
      component.setNamespace("jobs");
      assertThat(component.eventStore().describe("calendar-state"))
          .isEqualTo("ConfigMap jobs/calendar-state");
    }
    try (CamelContext camel = TestContexts.create()) {
      CalendarComponent component = camel.getComponent("argo-calendar", CalendarComponent.class);
      component.setStore("etcd");
      assertThatThrownBy(component::eventStore)
          .hasMessageContaining("configmap, memory or dir:PATH");
    }
  }

  @Test
  void catchUpNeedsAConfigMapAndAPositiveMaxDuration() throws Exception {
    try (CamelContext camel = TestContexts.create()) {
      camel.start();
      assertThatThrownBy(
              () ->
                  camel
                      .getEndpoint("argo-calendar:a?interval=1s&catchup=true")
                      .createConsumer(e -> {}))
          .hasStackTraceContaining("catch-up needs persistenceConfigMap");
      assertThatThrownBy(
              () ->
                  camel
                      .getEndpoint(
                          "argo-calendar:b?interval=1s&catchup=true"
                              + "&persistenceConfigMap=state&catchupMaxDuration=-5m")
                      .createConsumer(e -> {}))
          .hasStackTraceContaining("maxDuration must be positive");
    }
  }

  /**
   * A context whose calendar route records each event's eventTime (through bean "flaky" when
   * bound).
   */
  private CamelContext calendarContext(String uri, List<Instant> times, CalendarEventStore store)
      throws Exception {
    CamelContext camel = TestContexts.create();
    if (store != null) {
      camel.getRegistry().bind("calendarStore", store);
    } else {
      camel.getRegistry().bind("kubernetesClient", client);
      camel.getComponent("argo-calendar", CalendarComponent.class).setNamespace("jobs");
    }
    camel.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from(uri)
                .routeId("calendar")
                .process(
                    exchange -> {
                      org.apache.camel.Processor flaky =
                          camel
                              .getRegistry()
                              .lookupByNameAndType("flaky", org.apache.camel.Processor.class);
                      if (flaky != null) {
                        flaky.process(exchange);
                      }
                    })
                .process(
                    exchange ->
                        times.add(
                            GoTimeFormat.parse(
                                exchange
                                    .getIn()
                                    .getBody(ObjectNode.class)
                                    .get("eventTime")
                                    .asText())));
          }
        });
    return camel;
  }

  private static Instant last(List<Instant> times) {
    return times.get(times.size() - 1);
  }

  private static void await(java.util.function.BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    org.awaitility.Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(20))
        .until(condition::getAsBoolean);
  }
}
