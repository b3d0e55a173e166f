package io.caravan.controller.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.caravan.controller.ControllerOptions;
import io.caravan.controller.MockCluster;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code helm lint} and {@code helm template} of helm/caravan with assertions on the rendered
 * objects.
 */
class HelmChartTest {

  private static final String RELEASE = "caravan";
  private static final String NAMESPACE = "argo-events";

  private static List<HasMetadata> render(Map<String, Object> values) {
    return render(values, null);
  }

  private static List<HasMetadata> render(
      Map<String, Object> values, java.nio.file.Path valuesFile) {
    var template =
        new Helm(MockCluster.chartDir()).template().withName(RELEASE).withNamespace(NAMESPACE);
    if (valuesFile != null) {
      template.withValuesFile(valuesFile);
    }
    values.forEach(template::set);
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : template.call().split("(?m)^---\\s*$")) {
      if (document.lines().allMatch(l -> l.isBlank() || l.startsWith("#"))) {
        continue;
      }
      KubernetesResource object = Serialization.unmarshal(document);
      assertThat(object).as(document).isInstanceOf(HasMetadata.class);
      objects.add((HasMetadata) object);
    }
    return objects;
  }

  private static <T extends HasMetadata> T one(
      List<HasMetadata> objects, Class<T> type, String name) {
    return objects.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(type.getSimpleName() + " " + name + " not rendered"));
  }

  @Test
  void lintsStrictly() {
    LintResult result = new Helm(MockCluster.chartDir()).lint().strict().call();
    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
  }

  @Test
  void rendersOnlyKnownFields() {
    for (HasMetadata object : render(Map.of())) {
      if (!(object instanceof GenericKubernetesResource)) {
        assertThat(unknownFields(object, object.getKind()))
            .as(object.getKind() + "/" + object.getMetadata().getName())
            .isEmpty();
      }
    }
  }

  @Test
  void unknownFieldCheckFindsMisspelledFields() {
    KubernetesResource misspelled =
        Serialization.unmarshal(
            """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: x}
        spec:
          template:
            spec:
              containers:
                - name: main
                  image: i
                  imagePullPolicyy: Always
        """);
    assertThat(unknownFields(misspelled, "Deployment"))
        .singleElement()
        .asString()
        .endsWith(".imagePullPolicyy");
  }

  @Test
  void everyValueIsDocumentedInTheChartReadme() throws Exception {
    Map<String, Object> values =
        new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
            .readValue(MockCluster.chartDir().resolve("values.yaml").toFile(), Map.class);
    String readme = java.nio.file.Files.readString(MockCluster.chartDir().resolve("README.md"));
    List<String> keys = new ArrayList<>();
    documentedKeys(values, "", keys);
    assertThat(keys).hasSizeGreaterThan(40);
    assertThat(keys).allSatisfy(key -> assertThat(readme).contains("| `" + key + "` |"));
  }

  /**
   * Leaf keys; maps that are pod-spec values themselves (affinity, resources…) count as one key.
   */
  @SuppressWarnings("unchecked")
  private static void documentedKeys(Map<String, Object> map, String prefix, List<String> keys) {
    List<String> whole =
        List.of(
            "affinity",
            "resources",
            "deploymentStrategy",
            "podSecurityContext",
            "securityContext",
            "additionalLabels",
            "nodeSelector");
    map.forEach(
        (key, value) -> {
          String path = prefix.isEmpty() ? key : prefix + "." + key;
          if (value instanceof Map<?, ?> child && !whole.contains(key)) {
            documentedKeys((Map<String, Object>) child, path, keys);
          } else {
            keys.add(path);
          }
        });
  }

  @Test
  void controllerDeploymentHasTheSeedValues() {
    List<HasMetadata> objects = render(Map.of());
    Deployment controller = one(objects, Deployment.class, "caravan-controller");
    var spec = controller.getSpec();
    assertThat(spec.getReplicas()).isEqualTo(1);
    assertThat(spec.getStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(spec.getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isEqualTo(1);
    assertThat(spec.getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
    var pod = spec.getTemplate().getSpec();
    assertThat(pod.getPriorityClassName()).isEqualTo("platform-events");
    assertThat(
            pod.getAffinity()
                .getNodeAffinity()
                .getPreferredDuringSchedulingIgnoredDuringExecution()
                .get(0)
                .getPreference()
                .getMatchExpressions()
                .get(0)
                .getKey())
        .isEqualTo("node-role.kubernetes.io/control-plane");
    assertThat(pod.getTolerations())
        .singleElement()
        .satisfies(t -> assertThat(t.getKey()).isEqualTo("node-role.kubernetes.io/control-plane"));
    Container main = pod.getContainers().get(0);
    assertThat(main.getImagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(main.getResources().getRequests())
        .containsEntry("cpu", new io.fabric8.kubernetes.api.model.Quantity("50m"))
        .containsEntry("memory", new io.fabric8.kubernetes.api.model.Quantity("64Mi"));
    assertThat(main.getResources().getLimits())
        .containsEntry("cpu", new io.fabric8.kubernetes.api.model.Quantity("200m"))
        .containsEntry("memory", new io.fabric8.kubernetes.api.model.Quantity("256Mi"));
    assertThat(main.getPorts())
        .extracting(p -> p.getName() + ":" + p.getContainerPort())
        .contains("metrics:7777", "health:8081");
    assertThat(env(main))
        .containsEntry("METRICS_PORT", "7777")
        .containsEntry("METRICS_PATH", "/metrics")
        .containsEntry("HEALTH_PORT", "8081")
        .containsEntry("LEADER_ELECTION", "true");

    GenericKubernetesResource monitor =
        objects.stream()
            .filter(o -> "ServiceMonitor".equals(o.getKind()))
            .map(GenericKubernetesResource.class::cast)
            .filter(o -> o.getMetadata().getName().equals("caravan-controller"))
            .findFirst()
            .orElseThrow();
    assertThat(monitor.getMetadata().getLabels()).containsEntry("prometheus", "kube-prometheus");
    assertThat(monitor.<String>get("spec", "endpoints", 0, "path")).isEqualTo("/metrics");
  }

  @Test
  void customValuesReachTheRenderedObjects() throws Exception {
    java.nio.file.Path file =
        java.nio.file.Path.of(HelmChartTest.class.getResource("/helm/custom-values.yaml").toURI());
    List<HasMetadata> objects = render(Map.of(), file);
    Deployment controller = one(objects, Deployment.class, "caravan-controller");
    var pod = controller.getSpec().getTemplate().getSpec();
    Container main = pod.getContainers().get(0);
    assertThat(controller.getSpec().getReplicas()).isEqualTo(2);
    assertThat(pod.getPriorityClassName()).isEqualTo("other-class");
    assertThat(pod.getNodeSelector()).containsEntry("pool", "system");
    assertThat(main.getImage()).isEqualTo(ControllerOptions.CONTROLLER_IMAGE_REPOSITORY + ":1.2.3");
    assertThat(main.getImagePullPolicy()).isEqualTo("Always");
    assertThat(env(main))
        .containsEntry(
            "CARAVAN_RUNTIME_IMAGE", ControllerOptions.RUNTIME_IMAGE_REPOSITORY + ":1.2.3")
        .containsEntry("IMAGE_PULL_POLICY", "Always")
        .containsEntry("CARAVAN_WATCH_NAMESPACES", "team-a,team-b")
        .containsEntry("CARAVAN_NATS_IMAGE", "nats:2.11")
        .containsEntry("METRICS_PORT", "9100")
        .containsEntry("METRICS_PATH", "/prom");
    assertThat(objects)
        .noneMatch(
            o ->
                "ServiceMonitor".equals(o.getKind())
                    && o.getMetadata().getName().equals("caravan-controller"));
    ValidatingWebhookConfiguration configuration =
        one(objects, ValidatingWebhookConfiguration.class, "caravan-webhook");
    assertThat(configuration.getWebhooks().get(0).getFailurePolicy()).isEqualTo("Fail");
    assertThat(configuration.getWebhooks().get(0).getClientConfig().getCaBundle())
        .isEqualTo("Q0E=");
    Deployment webhook = one(objects, Deployment.class, "caravan-webhook");
    assertThat(webhook.getSpec().getTemplate().getSpec().getVolumes())
        .filteredOn(v -> v.getSecret() != null)
        .singleElement()
        .satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("webhook-tls"));
    assertThat(env(webhook.getSpec().getTemplate().getSpec().getContainers().get(0)))
        .containsEntry("METRICS_PORT", "0");
  }

  @Test
  void chartAndControllerAgreeOnImageNames() {
    Deployment controller = one(render(Map.of()), Deployment.class, "caravan-controller");
    Container main = controller.getSpec().getTemplate().getSpec().getContainers().get(0);
    String version = System.getProperty("caravan.version");
    assertThat(version).isNotBlank();
    assertThat(main.getImage())
        .isEqualTo(ControllerOptions.CONTROLLER_IMAGE_REPOSITORY + ":" + version);
    assertThat(env(main))
        .containsEntry(
            "CARAVAN_RUNTIME_IMAGE", ControllerOptions.RUNTIME_IMAGE_REPOSITORY + ":" + version);
    // The images built by Jib carry the same names (controller/pom.xml and cli/pom.xml).
    assertThat(JibImages.imageOf("controller"))
        .isEqualTo(ControllerOptions.CONTROLLER_IMAGE_REPOSITORY + ":" + version);
    assertThat(JibImages.imageOf("cli"))
        .isEqualTo(ControllerOptions.RUNTIME_IMAGE_REPOSITORY + ":" + version);
  }

  @Test
  void crdsAreTheFilesTheControllerUsesAndAreKept() {
    List<CustomResourceDefinition> crds =
        render(Map.of()).stream()
            .filter(CustomResourceDefinition.class::isInstance)
            .map(CustomResourceDefinition.class::cast)
            .toList();
    assertThat(crds)
        .extracting(c -> c.getMetadata().getName())
        .containsExactlyInAnyOrder(
            "eventsources.argoproj.io", "sensors.argoproj.io", "eventbus.argoproj.io");
    for (CustomResourceDefinition crd : crds) {
      assertThat(crd.getMetadata().getAnnotations())
          .containsEntry("helm.sh/resource-policy", "keep");
      String file = crd.getSpec().getNames().getPlural() + ".yaml";
      assertThat(crd.getSpec()).isEqualTo(MockCluster.crd(file).getSpec());
    }
    assertThat(
            render(Map.of("crds.keep", false)).stream()
                .filter(CustomResourceDefinition.class::isInstance))
        .allSatisfy(c -> assertThat(c.getMetadata().getAnnotations()).isNullOrEmpty());
    assertThat(render(Map.of("crds.install", false)))
        .noneMatch(CustomResourceDefinition.class::isInstance);
  }

  @Test
  void webhookCanBeTurnedOff() {
    List<HasMetadata> on = render(Map.of());
    ValidatingWebhookConfiguration configuration =
        one(on, ValidatingWebhookConfiguration.class, "caravan-webhook");
    var webhook = configuration.getWebhooks().get(0);
    assertThat(webhook.getFailurePolicy()).isEqualTo("Ignore");
    assertThat(webhook.getClientConfig().getService().getName()).isEqualTo("caravan-webhook");
    assertThat(webhook.getRules().get(0).getResources())
        .containsExactly("eventsources", "sensors", "eventbus");
    Deployment deployment = one(on, Deployment.class, "caravan-webhook");
    assertThat(deployment.getSpec().getTemplate().getSpec().getPriorityClassName())
        .isEqualTo("platform-events");
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .containsExactly("webhook");
    // Read-only root filesystem: the generated certificates go to the /tmp emptyDir.
    assertThat(
            deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts())
        .extracting(m -> m.getMountPath())
        .containsExactly("/tmp");

    List<HasMetadata> off = render(Map.of("webhook.enabled", false));
    assertThat(off)
        .noneMatch(ValidatingWebhookConfiguration.class::isInstance)
        .noneMatch(o -> o.getMetadata().getName().startsWith("caravan-webhook"));
  }

  @Test
  void rbacIsLeastPrivilege() {
    ClusterRole role = one(render(Map.of()), ClusterRole.class, "caravan-controller");
    List<String> grants = new ArrayList<>();
    for (PolicyRule rule : role.getRules()) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          grants.add(
              (group.isEmpty() ? "core" : group)
                  + "/"
                  + resource
                  + ":"
                  + String.join(",", rule.getVerbs()));
        }
      }
    }
    assertThat(grants)
        .containsExactlyInAnyOrder(
            "argoproj.io/eventsources:get,list,watch,update,patch",
            "argoproj.io/sensors:get,list,watch,update,patch",
            "argoproj.io/eventbus:get,list,watch,update,patch",
            "argoproj.io/eventsources/status:get,update,patch",
            "argoproj.io/sensors/status:get,update,patch",
            "argoproj.io/eventbus/status:get,update,patch",
            "argoproj.io/eventsources/finalizers:update",
            "argoproj.io/sensors/finalizers:update",
            "argoproj.io/eventbus/finalizers:update",
            "apps/deployments:get,list,watch,create,update,patch,delete",
            "apps/statefulsets:get,list,watch,create,update,patch,delete",
            "core/configmaps:get,list,watch,create,update,patch,delete",
            "core/services:get,list,watch,create,update,patch,delete",
            "core/secrets:get,list,watch,create,update,patch,delete",
            "core/events:create,patch");
    ClusterRole webhook = one(render(Map.of()), ClusterRole.class, "caravan-webhook");
    assertThat(webhook.getRules()).hasSize(2);
    assertThat(webhook.getRules().get(0).getResources()).containsExactly("eventbus");
    assertThat(webhook.getRules().get(0).getVerbs()).containsExactly("get");
    assertThat(webhook.getRules().get(1))
        .satisfies(
            rule -> {
              assertThat(rule.getResources()).containsExactly("validatingwebhookconfigurations");
              assertThat(rule.getResourceNames()).containsExactly("caravan-webhook");
            });
    io.fabric8.kubernetes.api.model.rbac.Role certs =
        one(render(Map.of()), io.fabric8.kubernetes.api.model.rbac.Role.class, "caravan-webhook");
    assertThat(certs.getRules())
        .extracting(r -> r.getResources() + ":" + r.getResourceNames() + ":" + r.getVerbs())
        .containsExactly("[secrets]:[caravan-webhook-certs]:[get]", "[secrets]:[]:[create]");
  }

  private static Map<String, String> env(Container container) {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    for (EnvVar var : container.getEnv()) {
      env.put(var.getName(), var.getValue());
    }
    return env;
  }

  /**
   * Paths of fields fabric8's typed model did not know (kept in additionalProperties), walking the
   * object.
   */
  static List<String> unknownFields(Object object, String path) {
    List<String> found = new ArrayList<>();
    if (object == null
        || !object.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return found;
    }
    for (Method method : object.getClass().getMethods()) {
      if (method.getParameterCount() != 0
          || !method.getName().startsWith("get")
          || method.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value;
      try {
        value = method.invoke(object);
      } catch (ReflectiveOperationException e) {
        continue;
      }
      String field = path + "." + method.getName().substring(3);
      if (method.getName().equals("getAdditionalProperties") && value instanceof Map<?, ?> map) {
        map.keySet().forEach(k -> found.add(path + "." + k));
      } else if (value instanceof Collection<?> items) {
        int i = 0;
        for (Object item : items) {
          found.addAll(unknownFields(item, field + "[" + i++ + "]"));
        }
      } else if (value instanceof Map<?, ?> map) {
        map.forEach((k, v) -> found.addAll(unknownFields(v, field + "." + k)));
      } else {
        found.addAll(unknownFields(value, field));
      }
    }
    return found;
  }
}
