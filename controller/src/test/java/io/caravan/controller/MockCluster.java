package io.caravan.controller;

import static org.awaitility.Awaitility.await;

import io.caravan.controller.metrics.ControllerMetrics;
import io.caravan.controller.model.ArgoCondition;
import io.caravan.controller.model.ArgoStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A fabric8 mock API server in CRUD mode with the chart's CRDs installed and the real {@link
 * Operator} (built by {@link Operators}, as in production) running against it.
 */
public final class MockCluster implements AutoCloseable {

  public static final String RUNTIME_IMAGE = ControllerOptions.RUNTIME_IMAGE_REPOSITORY + ":test";
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final ControllerMetrics metrics = new ControllerMetrics();
  private final Operator operator;

  private static MockCluster shared;

  /** One cluster and operator for all test classes (each test works in its own namespace). */
  public static synchronized MockCluster shared() {
    if (shared == null) {
      shared = new MockCluster();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  private MockCluster() {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    client = server.createClient();
    for (String file : new String[] {"eventbus.yaml", "eventsources.yaml", "sensors.yaml"}) {
      client.apiextensions().v1().customResourceDefinitions().resource(crd(file)).create();
    }
    metrics.countResourcesWith(
        () -> io.caravan.controller.metrics.ResourceCounts.count(client, java.util.Set.of()));
    operator = Operators.create(client, ControllerOptions.forTests(RUNTIME_IMAGE), metrics);
    operator.start();
  }

  public static Path chartDir() {
    return Path.of(System.getProperty("caravan.chart.dir", "../helm/caravan"));
  }

  public static CustomResourceDefinition crd(String file) {
    try (InputStream in = Files.newInputStream(chartDir().resolve("files/crds").resolve(file))) {
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public KubernetesClient client() {
    return client;
  }

  public ControllerMetrics metrics() {
    return metrics;
  }

  public Operator operator() {
    return operator;
  }

  /** A fresh namespace, so tests of one class do not see each other's objects. */
  public String namespace(String prefix) {
    String name = prefix + "-" + NAMESPACES.incrementAndGet();
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  /** Creates a YAML object in {@code namespace} (typed when its class is given). */
  public <T extends HasMetadata> T create(String namespace, Class<T> type, String yaml) {
    T object = Serialization.unmarshal(yaml, type);
    object.getMetadata().setNamespace(namespace);
    return client.resource(object).create();
  }

  /**
   * Edits an object as a user would, again on a conflict: the operator writes the object's status
   * at the same time, and the edit's resourceVersion may then be stale (409).
   */
  public <T extends HasMetadata> T edit(
      Class<T> type, String namespace, String name, UnaryOperator<T> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return client.resources(type).inNamespace(namespace).withName(name).edit(change);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 20) {
          throw e;
        }
      }
    }
  }

  public GenericKubernetesResource createGeneric(String namespace, String yaml) {
    GenericKubernetesResource object =
        Serialization.unmarshal(yaml, GenericKubernetesResource.class);
    object.getMetadata().setNamespace(namespace);
    return client.resource(object).create();
  }

  public <T extends CustomResource<?, ArgoStatus>> T get(
      Class<T> type, String namespace, String name) {
    return client.resources(type).inNamespace(namespace).withName(name).get();
  }

  /** Waits until {@code condition} of the object is set to {@code status}; returns the object. */
  public <T extends CustomResource<?, ArgoStatus>> T awaitCondition(
      Class<T> type, String namespace, String name, String condition, String status) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                condition(get(type, namespace, name), condition)
                    .map(c -> status.equals(c.getStatus()))
                    .orElse(false));
    return get(type, namespace, name);
  }

  public static Optional<ArgoCondition> condition(
      CustomResource<?, ArgoStatus> object, String type) {
    return object == null || object.getStatus() == null
        ? Optional.empty()
        : object.getStatus().condition(type);
  }

  @Override
  public void close() {
    operator.stop();
    client.close();
    server.destroy();
  }
}
