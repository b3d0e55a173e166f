package io.caravan.controller.eventbus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.controller.common.Labels;
import io.caravan.controller.workload.PodTemplate;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objects of a managed JetStream EventBus (inventory §3.2): Secrets {@code
 * eventbus-<n>-js-server} (key {@code auth}: accounts) and {@code eventbus-<n>-js-client-auth} (key
 * {@code client-auth}: {@code username/password} YAML), ConfigMap {@code eventbus-<n>-js-config}
 * (key {@code nats-js}), headless Service {@code eventbus-<n>-js-svc} and StatefulSet {@code
 * eventbus-<n>-js}.
 */
public final class JetStreamDependents {

  public static final String CLIENT_AUTH_KEY = "client-auth";
  static final String USER = "caravan";

  private JetStreamDependents() {}

  public static String base(String bus) {
    return "eventbus-" + bus + "-js";
  }

  public static String serviceName(String bus) {
    return base(bus) + "-svc";
  }

  public static String clientSecretName(String bus) {
    return base(bus) + "-client-auth";
  }

  public static String serverSecretName(String bus) {
    return base(bus) + "-server";
  }

  public static String url(String bus, String namespace) {
    return "nats://" + serviceName(bus) + "." + namespace + ".svc:4222";
  }

  static Map<String, String> labels(String bus) {
    return Labels.of(Labels.EVENTBUS_CONTROLLER, Labels.EVENTBUS_NAME, bus);
  }

  public static Secret clientSecret(HasMetadata bus, String password) {
    String name = bus.getMetadata().getName();
    return new SecretBuilder()
        .withNewMetadata()
        .withName(clientSecretName(name))
        .withLabels(labels(name))
        .endMetadata()
        .withType("Opaque")
        .withStringData(
            Map.of(CLIENT_AUTH_KEY, "username: " + USER + "\npassword: " + password + "\n"))
        .build();
  }

  public static Secret serverSecret(HasMetadata bus, String password, String systemPassword) {
    String name = bus.getMetadata().getName();
    String auth =
        "accounts: {\n"
            + "  js: { jetstream: enabled, users: [ { user: \""
            + USER
            + "\", password: \""
            + password
            + "\" } ] }\n"
            + "  sys: { users: [ { user: \"sys\", password: \""
            + systemPassword
            + "\" } ] }\n"
            + "}\nsystem_account: sys\n";
    return new SecretBuilder()
        .withNewMetadata()
        .withName(serverSecretName(name))
        .withLabels(labels(name))
        .endMetadata()
        .withType("Opaque")
        .withStringData(Map.of("auth", auth))
        .build();
  }

  public static ConfigMap config(HasMetadata bus, JsonNode js, int replicas) {
    String name = bus.getMetadata().getName();
    String ns = bus.getMetadata().getNamespace();
    StringBuilder conf =
        new StringBuilder()
            .append("port: 4222\n")
            .append("http: 8222\n")
            .append("server_name: $POD_NAME\n")
            .append("max_payload: ")
            .append(js.path("maxPayload").asText("1MB"))
            .append('\n')
            .append("lame_duck_duration: 120s\n")
            .append("include ./auth.conf\n")
            .append("jetstream {\n  store_dir: /data/jetstream/store\n  max_memory_store: -1\n");
    String settings = js.path("settings").asText("");
    conf.append(settings.isBlank() ? "  max_file_store: 1TB\n" : indent(settings));
    conf.append("}\n");
    if (replicas > 2) {
      conf.append("cluster {\n  name: ").append(base(name)).append("\n  port: 6222\n  routes: [\n");
      for (int i = 0; i < replicas; i++) {
        conf.append("    nats://")
            .append(base(name))
            .append('-')
            .append(i)
            .append('.')
            .append(serviceName(name))
            .append('.')
            .append(ns)
            .append(".svc:6222\n");
      }
      conf.append("  ]\n  cluster_advertise: $CLUSTER_ADVERTISE\n  connect_retries: 120\n}\n");
    }
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(base(name) + "-config")
        .withLabels(labels(name))
        .endMetadata()
        .withData(Map.of("nats-js", conf.toString()))
        .build();
  }

  public static Service service(HasMetadata bus) {
    String name = bus.getMetadata().getName();
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(serviceName(name))
        .withLabels(labels(name))
        .endMetadata()
        .withNewSpec()
        .withClusterIP("None")
        .withPublishNotReadyAddresses(true)
        .withSelector(labels(name))
        .addNewPort()
        .withName("client")
        .withPort(4222)
        .endPort()
        .addNewPort()
        .withName("cluster")
        .withPort(6222)
        .endPort()
        .addNewPort()
        .withName("monitor")
        .withPort(8222)
        .endPort()
        .endSpec()
        .build();
  }

  public static StatefulSet statefulSet(HasMetadata bus, JsonNode js, int replicas, String image) {
    String name = bus.getMetadata().getName();
    String ns = bus.getMetadata().getNamespace();
    JsonNode persistence = js.get("persistence");
    List<PersistentVolumeClaim> claims = new ArrayList<>();
    if (persistence != null && persistence.isObject()) {
      PersistentVolumeClaimBuilder claim =
          new PersistentVolumeClaimBuilder()
              .withNewMetadata()
              .withName(base(name) + "-vol")
              .endMetadata()
              .withNewSpec()
              .withAccessModes(persistence.path("accessMode").asText("ReadWriteOnce"))
              .withNewResources()
              .addToRequests("storage", new Quantity(persistence.path("volumeSize").asText("20Gi")))
              .endResources()
              .endSpec();
      if (persistence.hasNonNull("storageClassName")) {
        claim
            .editSpec()
            .withStorageClassName(persistence.get("storageClassName").asText())
            .endSpec();
      }
      claims.add(claim.build());
    }
    StatefulSetBuilder builder =
        new StatefulSetBuilder()
            .withNewMetadata()
            .withName(base(name))
            .withLabels(labels(name))
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .withServiceName(serviceName(name))
            .withPodManagementPolicy("Parallel")
            .withNewSelector()
            .withMatchLabels(labels(name))
            .endSelector()
            .withVolumeClaimTemplates(claims)
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(labels(name))
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("main")
            .withImage(image)
            .withArgs("--config", "/etc/nats-config/nats-js.conf")
            .addNewEnv()
            .withName("POD_NAME")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.name")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("CLUSTER_ADVERTISE")
            .withValue("$(POD_NAME)." + serviceName(name) + "." + ns + ".svc")
            .endEnv()
            .addNewPort()
            .withName("client")
            .withContainerPort(4222)
            .endPort()
            .addNewPort()
            .withName("cluster")
            .withContainerPort(6222)
            .endPort()
            .addNewPort()
            .withName("monitor")
            .withContainerPort(8222)
            .endPort()
            .addNewVolumeMount()
            .withName("config")
            .withMountPath("/etc/nats-config")
            .endVolumeMount()
            .addNewVolumeMount()
            .withName(base(name) + "-vol")
            .withMountPath("/data/jetstream")
            .endVolumeMount()
            .withNewReadinessProbe()
            .withNewHttpGet()
            .withPath("/healthz?js-enabled-only=true")
            .withNewPort(8222)
            .endHttpGet()
            .endReadinessProbe()
            .endContainer()
            .addNewVolume()
            .withName("config")
            .withNewProjected()
            .addNewSource()
            .withNewConfigMap()
            .withName(base(name) + "-config")
            .addNewItem()
            .withKey("nats-js")
            .withPath("nats-js.conf")
            .endItem()
            .endConfigMap()
            .endSource()
            .addNewSource()
            .withNewSecret()
            .withName(serverSecretName(name))
            .addNewItem()
            .withKey("auth")
            .withPath("auth.conf")
            .endItem()
            .endSecret()
            .endSource()
            .endProjected()
            .endVolume()
            .endSpec()
            .endTemplate()
            .endSpec();
    if (claims.isEmpty()) {
      builder
          .editSpec()
          .editTemplate()
          .editSpec()
          .addNewVolume()
          .withName(base(name) + "-vol")
          .withNewEmptyDir()
          .endEmptyDir()
          .endVolume()
          .endSpec()
          .endTemplate()
          .endSpec();
    }
    StatefulSet sts = builder.build();
    applyPodFields(sts, js);
    return sts;
  }

  /**
   * Argo's JetStream pod fields: {@code metadata}, {@code containerTemplate}, {@code nodeSelector},
   * {@code tolerations}, {@code affinity}, {@code securityContext}, {@code imagePullSecrets},
   * {@code priorityClassName}, {@code priority}, {@code serviceAccountName}; {@code startArgs} are
   * added to the server's arguments.
   */
  private static void applyPodFields(StatefulSet sts, JsonNode js) {
    if (!(js instanceof ObjectNode object)) {
      return;
    }
    ObjectNode template = object.deepCopy();
    if (template.has("containerTemplate")) {
      template.set("container", template.get("containerTemplate"));
    }
    for (String notPod :
        List.of("volumes", "containerTemplate", "persistence", "streamConfig", "settings")) {
      template.remove(notPod);
    }
    PodTemplate pod = new PodTemplate(template);
    var podTemplate = sts.getSpec().getTemplate();
    podTemplate
        .getMetadata()
        .setAnnotations(pod.annotations().isEmpty() ? null : pod.annotations());
    Map<String, String> labels = new java.util.LinkedHashMap<>(pod.labels());
    labels.putAll(podTemplate.getMetadata().getLabels());
    podTemplate.getMetadata().setLabels(labels);
    var main = podTemplate.getSpec().getContainers().get(0);
    pod.applyToContainer(main);
    pod.applyToPod(podTemplate.getSpec());
    JsonNode startArgs = js.get("startArgs");
    if (startArgs != null && startArgs.isArray()) {
      List<String> args = new ArrayList<>(main.getArgs());
      startArgs.forEach(a -> args.add(a.asText()));
      main.setArgs(args);
    }
  }

  private static String indent(String settings) {
    StringBuilder out = new StringBuilder();
    for (String line : settings.strip().split("\n")) {
      out.append("  ").append(line.strip()).append('\n');
    }
    return out.toString();
  }
}
