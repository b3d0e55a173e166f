package io.caravan.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.api.Manifest;
import io.caravan.api.ManifestReader;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.GeneratedRoutes;
import io.caravan.generator.RouteGenerator;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.support.secrets.SecretStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles test manifests the way {@code caravan run} does (read → generate, no errors allowed) and
 * starts them in a {@link CaravanRuntime}. Manifest text may hold {@code ${NAME}} variables,
 * replaced before it is read (free ports, receiver URLs).
 */
public final class Caravan {

  private final Map<String, String> variables = new LinkedHashMap<>();
  private final List<String> resources = new ArrayList<>();
  private final Map<String, String> camelProperties = new LinkedHashMap<>();
  private String busUrl;
  private SecretStore secretStore;
  private KubernetesClient kubernetesClient;
  private java.util.function.UnaryOperator<String> rewrite = text -> text;

  public static Caravan manifests(String... classpathResources) {
    Caravan caravan = new Caravan();
    caravan.resources.addAll(List.of(classpathResources));
    return caravan;
  }

  public Caravan with(String variable, Object value) {
    variables.put(variable, String.valueOf(value));
    return this;
  }

  public Caravan bus(String url) {
    this.busUrl = url;
    return this;
  }

  /** A Camel Main property for the runtime, e.g. {@code camel.component.eventbus.ackWait}. */
  public Caravan camelProperty(String key, Object value) {
    camelProperties.put(key, String.valueOf(value));
    return this;
  }

  /** The Camel Main properties given with {@link #camelProperty}. */
  public Map<String, String> camelProperties() {
    return Map.copyOf(camelProperties);
  }

  /**
   * Writes the generated documents into {@code dir} (for a runtime in a child JVM); returns {@code
   * dir}.
   */
  public Path writeTo(Path dir) throws IOException {
    java.nio.file.Files.createDirectories(dir);
    for (Map.Entry<String, String> document : generate().entrySet()) {
      java.nio.file.Files.writeString(dir.resolve(document.getKey()), document.getValue());
    }
    return dir;
  }

  public Caravan secrets(SecretStore store) {
    this.secretStore = store;
    return this;
  }

  public Caravan kubernetes(KubernetesClient client) {
    this.kubernetesClient = client;
    return this;
  }

  /** The generated YAML documents, by manifest name. Fails on any generation error. */
  public Map<String, String> generate() {
    RouteGenerator generator = new RouteGenerator();
    Map<String, String> documents = new LinkedHashMap<>();
    for (String resource : resources) {
      for (Manifest manifest :
          ManifestReader.parse(rewrite.apply(substitute(read(resource))), Path.of(resource))) {
        assertThat(manifest.error()).as(resource).isNull();
        if (manifest.resource() == null) {
          continue;
        }
        GeneratedRoutes routes = generator.generate(manifest.resource());
        assertThat(routes.diagnostics().stream().filter(Diagnostic::isError))
            .as("generation errors of " + resource)
            .isEmpty();
        if (!routes.yaml().isEmpty()) {
          documents.put(manifest.kind() + "-" + manifest.name() + ".yaml", routes.yaml());
        }
      }
    }
    return documents;
  }

  /** Generates and starts a runtime (metrics port off, so several runtimes fit in one JVM). */
  public CaravanRuntime start() throws Exception {
    return start(text -> text);
  }

  /** As {@link #start()}, with a last rewrite of each manifest's text (e.g. a fixed port). */
  public CaravanRuntime start(java.util.function.UnaryOperator<String> rewrite) throws Exception {
    this.rewrite = rewrite;
    CaravanRuntime.Builder builder = CaravanRuntime.builder().metricsPort(0).busUrl(busUrl);
    camelProperties.forEach(builder::camelProperty);
    generate().forEach(builder::document);
    if (secretStore != null) {
      builder.secretStore(secretStore);
    }
    if (kubernetesClient != null) {
      builder.kubernetesClient(kubernetesClient);
    }
    CaravanRuntime runtime = builder.build();
    runtime.start();
    return runtime;
  }

  private String substitute(String text) {
    String result = text;
    for (Map.Entry<String, String> variable : variables.entrySet()) {
      result = result.replace("${" + variable.getKey() + "}", variable.getValue());
    }
    return result;
  }

  private static String read(String resource) {
    if (resource.startsWith("file:")) {
      try {
        return java.nio.file.Files.readString(Path.of(resource.substring("file:".length())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try (InputStream in = Caravan.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
