package io.caravan.routes.support.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubernetesResourceNamesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Workflow, workflows",
    "Deployment, deployments",
    "Ingress, ingresses",
    "NetworkPolicy, networkpolicies",
    "Gateway, gateways",
    "Mesh, meshes",
    "Patch, patches",
    "Box, boxes",
    "EventBus, eventbus",
    "ConfigMap, configmaps",
    "Namespace, namespaces",
  })
  void pluralOfKind(String kind, String plural) {
    assertThat(KubernetesResourceNames.plural(kind)).isEqualTo(plural);
  }

  @ParameterizedTest
  @CsvSource({
    "namespaces, true",
    "nodes, true",
    "clusterroles, true",
    "workflows, false",
    "pods, false"
  })
  void clusterScopedResources(String plural, boolean clusterScoped) {
    assertThat(KubernetesResourceNames.clusterScoped(plural)).isEqualTo(clusterScoped);
  }
}
