package io.caravan.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caravan.controller.metrics.ControllerMetrics;
import io.caravan.controller.model.EventBusResource;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * With leader election on (the chart's default), the operator takes the Lease and then reconciles.
 */
class LeaderElectionTest {

  @Test
  void leaderTakesTheLeaseAndReconciles() {
    // CRUD plus one expectation: the mock cannot answer the permission check JOSDK makes before it
    // elects (a SelfSubjectRulesReview); the answer grants what the chart's leader-election Role
    // grants.
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.init();
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(
            201,
            new SelfSubjectRulesReviewBuilder()
                .withNewSpec()
                .withNamespace("caravan-system")
                .endSpec()
                .withNewStatus()
                .withIncomplete(false)
                .addNewResourceRule()
                .withApiGroups("coordination.k8s.io")
                .withResources("leases")
                .withVerbs("get", "create", "update")
                .endResourceRule()
                .endStatus()
                .build())
        .always();
    KubernetesClient client = server.createClient();
    Operator operator = null;
    try {
      for (String file : new String[] {"eventbus.yaml", "eventsources.yaml", "sensors.yaml"}) {
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .resource(MockCluster.crd(file))
            .create();
      }
      ControllerOptions options =
          new ControllerOptions(
              MockCluster.RUNTIME_IMAGE,
              "IfNotPresent",
              ControllerOptions.DEFAULT_NATS_IMAGE,
              Set.of(),
              true,
              "caravan-system",
              0,
              "/metrics",
              0);
      operator = Operators.create(client, options, new ControllerMetrics(), false);
      operator.start();

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  client
                          .resources(Lease.class)
                          .inNamespace("caravan-system")
                          .withName(ControllerOptions.LEASE_NAME)
                          .get()
                      != null);
      Lease lease =
          client
              .resources(Lease.class)
              .inNamespace("caravan-system")
              .withName(ControllerOptions.LEASE_NAME)
              .get();
      assertThat(lease.getSpec().getHolderIdentity()).isNotBlank();

      EventBusResource bus =
          Serialization.unmarshal(Fixtures.JETSTREAM_BUS, EventBusResource.class);
      bus.getMetadata().setNamespace("team-a");
      client.resource(bus).create();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                EventBusResource current =
                    client
                        .resources(EventBusResource.class)
                        .inNamespace("team-a")
                        .withName("default")
                        .get();
                return current.getStatus() != null && current.getStatus().isReady();
              });
    } finally {
      if (operator != null) {
        operator.stop();
      }
      client.close();
      server.destroy();
    }
  }
}
