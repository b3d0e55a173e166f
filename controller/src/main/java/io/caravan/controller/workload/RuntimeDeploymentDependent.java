package io.caravan.controller.workload;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.eventsource.EventSourceTypes;
import io.caravan.controller.ControllerOptions;
import io.caravan.controller.common.Labels;
import io.caravan.generator.source.SourceTypeRegistry;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Deployment running an EventSource's or Sensor's routes: {@code caravan serve
 * /etc/caravan/routes} in the runtime image, the routes ConfigMap mounted, the bus from the
 * EventBus status, every Secret and ConfigMap the spec names mounted as Argo mounts them, then
 * {@code spec.template} applied. The pod template carries the routes' hash, so pods roll exactly
 * when the routes or the pod spec change.
 *
 * <p>An EventSource with active-passive sources (calendar) and {@code replicas > 1} also gets
 * {@code CARAVAN_LEADER_LEASE=eventsource-<name>} (Argo's Lease name) and {@code POD_NAME}: its
 * replicas elect one that runs those routes (inventory §1.3). With one replica there is nothing to
 * elect, and no Lease RBAC is needed (Argo's default elector, Raft over the bus, needs none
 * either).
 */
public final class RuntimeDeploymentDependent {

  static final String AUTH_DIR = "/etc/eventbus/auth";
  static final String SECRETS_DIR = "/argo-events/secrets/";
  static final String CONFIG_DIR = "/argo-events/config/";
  static final String LEADER_LEASE_ENV = "CARAVAN_LEADER_LEASE";
  static final String POD_NAME_ENV = "POD_NAME";

  private RuntimeDeploymentDependent() {}

  public static Deployment desired(
      HasMetadata owner,
      WorkloadKind kind,
      JsonNode spec,
      BusConnection bus,
      ControllerOptions options,
      String routesHash) {
    String name = owner.getMetadata().getName();
    Map<String, String> selector = kind.labels(name);
    PodTemplate template = new PodTemplate(spec.get("template"));
    Map<String, String> podLabels = new LinkedHashMap<>(template.labels());
    podLabels.putAll(selector);
    Map<String, String> podAnnotations = new LinkedHashMap<>(template.annotations());
    podAnnotations.put(Labels.ROUTES_HASH, routesHash);

    List<Volume> volumes = new ArrayList<>();
    List<VolumeMount> mounts = new ArrayList<>();
    volumes.add(
        new VolumeBuilder()
            .withName("routes")
            .withNewConfigMap()
            .withName(kind.routesConfigMapName(name))
            .endConfigMap()
            .build());
    mounts.add(mount("routes", WorkloadKind.ROUTES_DIR));
    volumes.add(new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build());
    mounts.add(mount("tmp", "/tmp"));
    List<EnvVar> env = new ArrayList<>();
    env.add(new EnvVarBuilder().withName("CARAVAN_BUS_URL").withValue(bus.url()).build());
    env.add(
        new EnvVarBuilder()
            .withName("CARAVAN_NAMESPACE")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.namespace")
            .endFieldRef()
            .endValueFrom()
            .build());
    String lease = leaderLease(kind, name, spec);
    if (lease != null) {
      env.add(new EnvVarBuilder().withName(LEADER_LEASE_ENV).withValue(lease).build());
      if (!template.definesEnv(POD_NAME_ENV)) {
        env.add(
            new EnvVarBuilder()
                .withName(POD_NAME_ENV)
                .withNewValueFrom()
                .withNewFieldRef()
                .withFieldPath("metadata.name")
                .endFieldRef()
                .endValueFrom()
                .build());
      }
    }
    if (bus.hasAuth()) {
      volumes.add(
          new VolumeBuilder()
              .withName("auth-volume")
              .withNewSecret()
              .withSecretName(bus.accessSecretName())
              .endSecret()
              .build());
      mounts.add(mount("auth-volume", AUTH_DIR));
      env.add(
          new EnvVarBuilder()
              .withName("CARAVAN_BUS_AUTH_FILE")
              .withValue(AUTH_DIR + "/" + bus.accessSecretKey())
              .build());
    }
    if (bus.streamConfig() != null && !bus.streamConfig().isBlank()) {
      env.add(
          new EnvVarBuilder()
              .withName("CARAVAN_BUS_STREAM_CONFIG")
              .withValue(bus.streamConfig())
              .build());
    }
    MountedRefs refs = MountedRefs.scan(spec);
    int i = 0;
    for (String secret : refs.secrets()) {
      String volume = "secret-" + i++;
      volumes.add(
          new VolumeBuilder()
              .withName(volume)
              .withNewSecret()
              .withSecretName(secret)
              .endSecret()
              .build());
      mounts.add(mount(volume, SECRETS_DIR + secret));
    }
    i = 0;
    for (String configMap : refs.configMaps()) {
      String volume = "config-" + i++;
      volumes.add(
          new VolumeBuilder()
              .withName(volume)
              .withNewConfigMap()
              .withName(configMap)
              .endConfigMap()
              .build());
      mounts.add(mount(volume, CONFIG_DIR + configMap));
    }

    Container main =
        new ContainerBuilder()
            .withName("main")
            .withImage(options.runtimeImage())
            .withImagePullPolicy(options.imagePullPolicy())
            .withArgs("serve", WorkloadKind.ROUTES_DIR, "--secrets-dir", "/argo-events")
            .addNewPort()
            .withName("metrics")
            .withContainerPort(7777)
            .endPort()
            .withEnv(env)
            .withVolumeMounts(mounts)
            .build();
    template.applyToContainer(main);
    PodSpec pod = new PodSpec();
    pod.setContainers(List.of(main));
    pod.setVolumes(volumes);
    template.applyToPod(pod);

    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(kind.deploymentName(name))
        .withNamespace(owner.getMetadata().getNamespace())
        .withLabels(selector)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas(spec.get("replicas")))
        .withNewSelector()
        .withMatchLabels(selector)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(podLabels)
        .withAnnotations(podAnnotations)
        .endMetadata()
        .withSpec(pod)
        .endTemplate()
        .endSpec()
        .build();
  }

  /**
   * {@code eventsource-<name>} when an EventSource with more than one replica has events of an
   * active-passive (leader-elected) type, else null: webhook-only EventSources and Sensors run
   * active-active, and a single replica needs no election.
   */
  static String leaderLease(WorkloadKind kind, String name, JsonNode spec) {
    if (kind != WorkloadKind.EVENTSOURCE || spec == null || replicas(spec.get("replicas")) < 2) {
      return null;
    }
    boolean leaderElected =
        EventSourceTypes.ALL.stream()
            .anyMatch(
                type ->
                    spec.path(type).isObject()
                        && !spec.path(type).isEmpty()
                        && SourceTypeRegistry.leaderElected(type));
    return leaderElected ? "eventsource-" + name : null;
  }

  private static VolumeMount mount(String volume, String path) {
    return new VolumeMountBuilder()
        .withName(volume)
        .withMountPath(path)
        .withReadOnly(!"/tmp".equals(path))
        .build();
  }

  /**
   * Argo's {@code GetReplicas}: absent, not a number or less than 1 → 1 (an EventSource or Sensor
   * never scales to 0).
   */
  static int replicas(JsonNode replicas) {
    return replicas != null && replicas.canConvertToInt() ? Math.max(1, replicas.asInt()) : 1;
  }
}
