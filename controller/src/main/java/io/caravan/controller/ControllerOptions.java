package io.caravan.controller;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The controller's settings, read from its environment (the Helm chart sets them).
 *
 * @param runtimeImage image of EventSource/Sensor pods ({@code CARAVAN_RUNTIME_IMAGE})
 * @param imagePullPolicy their pull policy ({@code IMAGE_PULL_POLICY}, default IfNotPresent)
 * @param natsImage image of managed JetStream servers ({@code CARAVAN_NATS_IMAGE})
 * @param namespaces namespaces to watch; empty = all ({@code CARAVAN_WATCH_NAMESPACES},
 *     comma-separated)
 * @param leaderElection whether replicas elect a leader ({@code LEADER_ELECTION}, default true)
 * @param podNamespace the controller's namespace, where the lease lives ({@code POD_NAMESPACE})
 * @param metricsPort Prometheus metrics port ({@code METRICS_PORT}, default 7777; 0 = off)
 * @param metricsPath their HTTP path ({@code METRICS_PATH}, default {@code /metrics})
 * @param healthPort {@code /healthz} and {@code /readyz} port ({@code HEALTH_PORT}, default 8081; 0
 *     = off)
 */
public record ControllerOptions(
    String runtimeImage,
    String imagePullPolicy,
    String natsImage,
    Set<String> namespaces,
    boolean leaderElection,
    String podNamespace,
    int metricsPort,
    String metricsPath,
    int healthPort) {

  /**
   * The runtime image name the Helm chart and the controller agree on (tag = the chart's
   * appVersion).
   */
  public static final String RUNTIME_IMAGE_REPOSITORY = "ghcr.io/caravan-events/caravan-runtime";

  /** The controller's own image name, as in the chart. */
  public static final String CONTROLLER_IMAGE_REPOSITORY =
      "ghcr.io/caravan-events/caravan-controller";

  public static final String DEFAULT_NATS_IMAGE = "nats:2.10.29-alpine";
  public static final String LEASE_NAME = "caravan-controller";

  public static ControllerOptions fromEnvironment(Map<String, String> env) {
    String version =
        env.getOrDefault(
            "CARAVAN_VERSION", ControllerOptions.class.getPackage().getImplementationVersion());
    String defaultImage = RUNTIME_IMAGE_REPOSITORY + ":" + (version == null ? "latest" : version);
    return new ControllerOptions(
        env.getOrDefault("CARAVAN_RUNTIME_IMAGE", defaultImage),
        env.getOrDefault("IMAGE_PULL_POLICY", "IfNotPresent"),
        env.getOrDefault("CARAVAN_NATS_IMAGE", DEFAULT_NATS_IMAGE),
        Arrays.stream(env.getOrDefault("CARAVAN_WATCH_NAMESPACES", "").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet()),
        Boolean.parseBoolean(env.getOrDefault("LEADER_ELECTION", "true")),
        env.getOrDefault("POD_NAMESPACE", "default"),
        Integer.parseInt(env.getOrDefault("METRICS_PORT", "7777")),
        env.getOrDefault("METRICS_PATH", "/metrics"),
        Integer.parseInt(env.getOrDefault("HEALTH_PORT", "8081")));
  }

  /** Settings for tests: no leader election, no HTTP ports. */
  public static ControllerOptions forTests(String runtimeImage) {
    return new ControllerOptions(
        runtimeImage,
        "IfNotPresent",
        DEFAULT_NATS_IMAGE,
        Set.of(),
        false,
        "default",
        0,
        "/metrics",
        0);
  }
}
