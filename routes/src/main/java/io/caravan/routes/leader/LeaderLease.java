package io.caravan.routes.leader;

import io.caravan.expr.GoDuration;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The Kubernetes Lease the replicas of one EventSource compete for: only its holder runs the routes
 * of active-passive sources (inventory §1.3). The controller names it {@code eventsource-<name>}
 * (Argo's name) and passes it as {@value #LEASE_ENV}; the holder identity is the pod name.
 *
 * <p>Timings default to client-go's (lease 15 s, renew deadline 10 s, retry 2 s), slower than
 * Argo's 5/2/1 s but tolerant of a slow API server; Argo's environment variables override them.
 *
 * @param name the Lease's name
 * @param identity this replica's holder identity (the pod name)
 * @param leaseDuration how long a Lease not renewed keeps others out
 * @param renewDeadline how long the holder keeps running its routes without a successful renewal
 * @param retryPeriod pause between attempts to acquire or renew
 */
public record LeaderLease(
    String name,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {
  /** Names the Lease; unset, leader election is off and every route starts at once. */
  public static final String LEASE_ENV = "CARAVAN_LEADER_LEASE";

  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(15);
  public static final Duration DEFAULT_RENEW_DEADLINE = Duration.ofSeconds(10);
  public static final Duration DEFAULT_RETRY_PERIOD = Duration.ofSeconds(2);

  /** Argo's overrides, Go durations (e.g. {@code 30s}). */
  static final String LEASE_DURATION_ENV = "LEADER_ELECTION_LEASE_DURATION";

  static final String RENEW_DEADLINE_ENV = "LEADER_ELECTION_RENEW_DEADLINE";
  static final String RETRY_PERIOD_ENV = "LEADER_ELECTION_RETRY_PERIOD";

  public LeaderLease {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(identity, "identity");
    if (name.isBlank() || identity.isBlank()) {
      throw new IllegalArgumentException("leader Lease name and identity must not be blank");
    }
    if (retryPeriod.isNegative() || retryPeriod.isZero()) {
      throw new IllegalArgumentException(
          "leader election retry period must be positive: " + retryPeriod);
    }
    if (renewDeadline.compareTo(retryPeriod) <= 0) {
      throw new IllegalArgumentException(
          "leader election renew deadline ("
              + renewDeadline
              + ") must be longer than the retry period ("
              + retryPeriod
              + ")");
    }
    if (leaseDuration.compareTo(renewDeadline) <= 0) {
      throw new IllegalArgumentException(
          "leader election lease duration ("
              + leaseDuration
              + ") must be longer than the renew deadline ("
              + renewDeadline
              + ")");
    }
  }

  /** A Lease with the default timings. */
  public static LeaderLease of(String name, String identity) {
    return new LeaderLease(
        name, identity, DEFAULT_LEASE_DURATION, DEFAULT_RENEW_DEADLINE, DEFAULT_RETRY_PERIOD);
  }

  /**
   * The Lease an environment asks for: {@value #LEASE_ENV} names it (null when unset or blank: no
   * leader election), {@code POD_NAME} (else {@code HOSTNAME}, else a random id) is the identity,
   * and Argo's {@code LEADER_ELECTION_LEASE_DURATION}, {@code LEADER_ELECTION_RENEW_DEADLINE},
   * {@code LEADER_ELECTION_RETRY_PERIOD} override the timings.
   *
   * @throws IllegalArgumentException when a timing is not a Go duration or the timings do not fit
   *     together
   */
  public static LeaderLease fromEnvironment(Map<String, String> env) {
    String name = blankToNull(env.get(LEASE_ENV));
    if (name == null) {
      return null;
    }
    String identity = blankToNull(env.get("POD_NAME"));
    if (identity == null) {
      identity = blankToNull(env.get("HOSTNAME"));
    }
    if (identity == null) {
      identity = "caravan-" + UUID.randomUUID();
    }
    return new LeaderLease(
        name.trim(),
        identity.trim(),
        duration(env, LEASE_DURATION_ENV, DEFAULT_LEASE_DURATION),
        duration(env, RENEW_DEADLINE_ENV, DEFAULT_RENEW_DEADLINE),
        duration(env, RETRY_PERIOD_ENV, DEFAULT_RETRY_PERIOD));
  }

  private static Duration duration(Map<String, String> env, String key, Duration fallback) {
    String text = blankToNull(env.get(key));
    if (text == null) {
      return fallback;
    }
    try {
      return GoDuration.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          key + " '" + text + "' is not a duration such as 15s or 1m");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
