package io.caravan.routes.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.routes.leader.TickRecorder.Tick;
import io.caravan.routes.runtime.CaravanRuntime;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of one EventSource (two runtimes with the same generated calendar route, 1 s
 * interval) compete for one Lease on the fabric8 mock API server (CRUD mode): only the holder
 * fires; when it stops, or can no longer renew, the other takes over; no tick is ever sent by both.
 */
@EnableKubernetesMockClient(https = false, crud = true)
class EventSourceLeaderTest {
  static final String NAMESPACE = "events";
  static final String LEASE = "eventsource-ticker";
  static final String ROUTE = "eventsource.ticker.tick";

  static KubernetesMockServer server;
  static KubernetesClient client;

  /**
   * The generated shape of a calendar EventSource route, with a recorder before the publishing
   * steps.
   */
  static String routes(String replica) {
    return """
        - beans:
            - name: tickRecorder
              type: io.caravan.routes.leader.TickRecorder
              properties:
                replica: %s
        - route:
            id: eventsource.ticker.tick
            routePolicy: eventSourceLeader
            from:
              uri: kamelet:calendar-source
              parameters:
                name: ticker.tick
                interval: 1s
              steps:
                - process:
                    ref: tickRecorder
                - to:
                    uri: argo-event:ticker/tick
                    parameters:
                      type: calendar
                - to:
                    uri: eventbus:ticker/tick
        - route:
            id: eventsource.ticker.other
            from:
              uri: direct:other
              steps:
                - setBody:
                    constant: served
        """
        .formatted(replica);
  }

  @BeforeEach
  @AfterEach
  void clear() {
    TickRecorder.TICKS.clear();
    client.leases().inNamespace(NAMESPACE).withName(LEASE).delete();
  }

  static CaravanRuntime start(String replica, KubernetesClient kubernetes, LeaderLease lease)
      throws Exception {
    CaravanRuntime runtime =
        CaravanRuntime.builder()
            .document("eventsource-ticker.yaml", routes(replica))
            .metricsPort(0)
            .namespace(NAMESPACE)
            .kubernetesClient(kubernetes)
            .leaderLease(lease)
            .build();
    runtime.start();
    return runtime;
  }

  static List<Tick> ticks(String replica) {
    return TickRecorder.TICKS.stream().filter(t -> t.replica().equals(replica)).toList();
  }

  static ServiceStatus status(CaravanRuntime runtime) {
    return status(runtime, ROUTE);
  }

  static ServiceStatus status(CaravanRuntime runtime, String routeId) {
    return runtime.camelContext().getRouteController().getRouteStatus(routeId);
  }

  /**
   * Each tick (the event time's second: {@code yyyy-MM-dd HH:mm:ss}) sent by one replica only,
   * once, and every tick of {@code first} before any of {@code second}.
   */
  static void assertHandedOverCleanly(String first, String second) {
    List<Tick> all = List.copyOf(TickRecorder.TICKS);
    // Each tick once: a second replica firing the same tick would send it within milliseconds of
    // the first, while the 1 s interval keeps real ticks ~1 s apart (jitter on a loaded machine
    // can put two of them in one calendar second, so seconds are not compared).
    List<Instant> times = all.stream().map(Tick::at).sorted().toList();
    for (int i = 1; i < times.size(); i++) {
      assertThat(Duration.between(times.get(i - 1), times.get(i)))
          .as("gap between ticks %d and %d of %s", i - 1, i, all)
          .isGreaterThan(Duration.ofMillis(300));
    }
    Instant lastOfFirst = ticks(first).stream().map(Tick::at).max(Instant::compareTo).orElseThrow();
    Instant firstOfSecond =
        ticks(second).stream().map(Tick::at).min(Instant::compareTo).orElseThrow();
    assertThat(lastOfFirst).as("last tick of " + first).isBefore(firstOfSecond);
  }

  @Test
  void onlyTheHolderFiresAndTheOtherTakesOverWhenItStops() throws Exception {
    try (KubernetesClient clientA = server.createClient();
        KubernetesClient clientB = server.createClient();
        CaravanRuntime a = start("a", clientA, LeaderLease.of(LEASE, "ticker-a"));
        CaravanRuntime b = start("b", clientB, LeaderLease.of(LEASE, "ticker-b"))) {
      // both serve the routes without the policy at once
      assertThat(a.camelContext().getRouteController().getRouteStatus("eventsource.ticker.other"))
          .isEqualTo(ServiceStatus.Started);
      assertThat(b.camelContext().getRouteController().getRouteStatus("eventsource.ticker.other"))
          .isEqualTo(ServiceStatus.Started);

      await("3 ticks")
          .atMost(Duration.ofSeconds(15))
          .ignoreExceptions()
          .until(() -> TickRecorder.TICKS.size() >= 3);
      String leader = TickRecorder.TICKS.get(0).replica();
      String follower = leader.equals("a") ? "b" : "a";
      await("the replica without the Lease stays quiet")
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(4))
          .until(() -> ticks(follower).isEmpty());
      CaravanRuntime leading = leader.equals("a") ? a : b;
      CaravanRuntime waiting = leader.equals("a") ? b : a;
      assertThat(ticks(follower)).as("ticks of the replica without the Lease").isEmpty();
      assertThat(status(waiting)).isNotEqualTo(ServiceStatus.Started);
      assertThat(waiting.camelContext().getRoutes())
          .filteredOn(r -> r.isCreatedByKamelet())
          .as("the calendar consumer's own (Kamelet) route waits too")
          .isNotEmpty()
          .allSatisfy(
              r -> assertThat(status(waiting, r.getRouteId())).isNotEqualTo(ServiceStatus.Started));
      Lease held = client.leases().inNamespace(NAMESPACE).withName(LEASE).get();
      assertThat(held.getSpec().getHolderIdentity()).isEqualTo("ticker-" + leader);

      long stopped = System.nanoTime();
      leading.stop();
      await("a tick from " + follower)
          .atMost(LeaderLease.DEFAULT_LEASE_DURATION)
          .ignoreExceptions()
          .until(() -> !ticks(follower).isEmpty());
      long takeoverMillis = Duration.ofNanos(System.nanoTime() - stopped).toMillis();
      System.out.printf(
          "leader stopped -> first tick of the other replica: %d ms%n", takeoverMillis);
      assertThat(status(waiting)).isEqualTo(ServiceStatus.Started);
      await("3 ticks from " + follower)
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(() -> ticks(follower).size() >= 3);

      assertThat(
              client
                  .leases()
                  .inNamespace(NAMESPACE)
                  .withName(LEASE)
                  .get()
                  .getSpec()
                  .getHolderIdentity())
          .isEqualTo("ticker-" + follower);
      assertHandedOverCleanly(leader, follower);
    }
  }

  @Test
  void aHolderThatCannotRenewStopsBeforeTheOtherTakesOver() throws Exception {
    Duration leaseDuration = Duration.ofSeconds(4);
    KubernetesClient clientA = server.createClient();
    try (KubernetesClient clientB = server.createClient();
        CaravanRuntime a =
            start(
                "a",
                clientA,
                new LeaderLease(
                    LEASE,
                    "ticker-a",
                    leaseDuration,
                    Duration.ofSeconds(3),
                    Duration.ofMillis(500)))) {
      await("2 ticks from a")
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(() -> ticks("a").size() >= 2);
      try (CaravanRuntime b =
          start(
              "b",
              clientB,
              new LeaderLease(
                  LEASE,
                  "ticker-b",
                  leaseDuration,
                  Duration.ofSeconds(3),
                  Duration.ofMillis(500)))) {
        await("b waits while a holds the Lease")
            .during(Duration.ofMillis(1_500))
            .atMost(Duration.ofSeconds(3))
            .until(() -> ticks("b").isEmpty());

        clientA.close(); // a loses the API server: no renewal any more
        long cut = System.nanoTime();
        await("a tick from b")
            .atMost(Duration.ofSeconds(15))
            .ignoreExceptions()
            .until(() -> !ticks("b").isEmpty());
        System.out.printf(
            "holder cut off -> first tick of the other replica: %d ms%n",
            Duration.ofNanos(System.nanoTime() - cut).toMillis());
        assertThat(status(a))
            .as("routes of the replica that lost the Lease")
            .isEqualTo(ServiceStatus.Stopped);
        await("3 ticks from b")
            .atMost(Duration.ofSeconds(10))
            .ignoreExceptions()
            .until(() -> ticks("b").size() >= 3);
        assertHandedOverCleanly("a", "b");
      }
    }
  }

  @Test
  void withoutALeaseTheCalendarStartsAtOnce() throws Exception {
    try (CaravanRuntime runtime = start("solo", null, null)) {
      assertThat(status(runtime)).isEqualTo(ServiceStatus.Started);
      await("a tick")
          .atMost(Duration.ofSeconds(5))
          .ignoreExceptions()
          .until(() -> !ticks("solo").isEmpty());
    }
    assertThat(client.leases().inNamespace(NAMESPACE).withName(LEASE).get()).isNull();
  }
}
