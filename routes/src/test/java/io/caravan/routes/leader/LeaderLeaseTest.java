package io.caravan.routes.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaderLeaseTest {

  @Test
  void noLeaseNameNoElection() {
    assertThat(LeaderLease.fromEnvironment(Map.of("POD_NAME", "p-1"))).isNull();
    assertThat(LeaderLease.fromEnvironment(Map.of(LeaderLease.LEASE_ENV, " "))).isNull();
  }

  @Test
  void podNameThenHostnameIsTheIdentityWithDefaultTimings() {
    LeaderLease lease =
        LeaderLease.fromEnvironment(
            Map.of(
                LeaderLease.LEASE_ENV,
                "eventsource-clock",
                "POD_NAME",
                "clock-7d9-abc",
                "HOSTNAME",
                "host"));
    assertThat(lease).isEqualTo(LeaderLease.of("eventsource-clock", "clock-7d9-abc"));
    assertThat(lease.leaseDuration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(lease.renewDeadline()).isEqualTo(Duration.ofSeconds(10));
    assertThat(lease.retryPeriod()).isEqualTo(Duration.ofSeconds(2));
    assertThat(
            LeaderLease.fromEnvironment(Map.of(LeaderLease.LEASE_ENV, "l", "HOSTNAME", "host"))
                .identity())
        .isEqualTo("host");
    assertThat(LeaderLease.fromEnvironment(Map.of(LeaderLease.LEASE_ENV, "l")).identity())
        .startsWith("caravan-");
  }

  @Test
  void argosEnvironmentOverridesTheTimings() {
    LeaderLease lease =
        LeaderLease.fromEnvironment(
            Map.of(
                LeaderLease.LEASE_ENV,
                "l",
                "POD_NAME",
                "p",
                "LEADER_ELECTION_LEASE_DURATION",
                "5s",
                "LEADER_ELECTION_RENEW_DEADLINE",
                "2s",
                "LEADER_ELECTION_RETRY_PERIOD",
                "1s"));
    assertThat(lease)
        .isEqualTo(
            new LeaderLease(
                "l", "p", Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }

  @Test
  void timingsMustFitTogether() {
    assertThatThrownBy(
            () ->
                LeaderLease.fromEnvironment(
                    Map.of(LeaderLease.LEASE_ENV, "l", "LEADER_ELECTION_LEASE_DURATION", "5")))
        .hasMessageContaining("LEADER_ELECTION_LEASE_DURATION '5' is not a duration");
    assertThatThrownBy(
            () ->
                LeaderLease.fromEnvironment(
                    Map.of(LeaderLease.LEASE_ENV, "l", "LEADER_ELECTION_LEASE_DURATION", "10s")))
        .hasMessageContaining(
            "lease duration (PT10S) must be longer than the renew deadline (PT10S)");
    assertThatThrownBy(
            () ->
                new LeaderLease(
                    "l", "p", Duration.ofSeconds(15), Duration.ofSeconds(2), Duration.ofSeconds(2)))
        .hasMessageContaining("must be longer than the retry period");
  }
}
