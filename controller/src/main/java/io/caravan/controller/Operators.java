package io.caravan.controller;

import io.caravan.controller.eventbus.EventBusReconciler;
import io.caravan.controller.eventsource.EventSourceReconciler;
import io.caravan.controller.sensor.SensorReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.util.function.Consumer;

/**
 * Builds the JOSDK {@link Operator} with the three reconcilers. The one place where the operator is
 * configured, used by {@link CaravanController} and by the tests, so both run the same code path:
 * no server-side apply anywhere (status patched with a merge patch, children created or updated).
 */
public final class Operators {

  private Operators() {}

  public static Operator create(
      KubernetesClient client, ControllerOptions options, Metrics metrics) {
    return create(client, options, metrics, true);
  }

  /**
   * {@code exitOnLostLease}: when a leader stops leading, the process exits (production: the pod
   * restarts and waits for the lease again); tests that stop the operator turn it off.
   */
  public static Operator create(
      KubernetesClient client,
      ControllerOptions options,
      Metrics metrics,
      boolean exitOnLostLease) {
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  .withUseSSAToPatchPrimaryResource(false)
                  .withSSABasedCreateUpdateMatchForDependentResources(false)
                  .withMetrics(metrics)
                  .withStopOnInformerErrorDuringStartup(false);
              if (options.leaderElection()) {
                o.withLeaderElectionConfiguration(
                    new LeaderElectionConfiguration(
                        ControllerOptions.LEASE_NAME,
                        options.podNamespace(),
                        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
                        null,
                        null,
                        exitOnLostLease));
              }
            });
    operator.register(new EventBusReconciler(client, options), namespaces(options));
    operator.register(new EventSourceReconciler(client, options), namespaces(options));
    operator.register(new SensorReconciler(client, options), namespaces(options));
    return operator;
  }

  private static <P extends io.fabric8.kubernetes.api.model.HasMetadata>
      Consumer<ControllerConfigurationOverrider<P>> namespaces(ControllerOptions options) {
    return o -> {
      if (options.namespaces().isEmpty()) {
        o.watchingAllNamespaces();
      } else {
        o.settingNamespaces(options.namespaces());
      }
    };
  }
}
