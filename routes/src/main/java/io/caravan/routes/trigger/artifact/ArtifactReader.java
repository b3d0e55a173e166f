package io.caravan.routes.trigger.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.api.sensor.ArtifactLocation;
import io.caravan.routes.support.secrets.SecretStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the object of a k8s / argoWorkflow trigger from its {@code source} (inventory §4.6), as
 * Argo's artifact readers do, and decodes it as YAML (JSON is YAML):
 *
 * <ul>
 *   <li>{@code resource}: the object as written; {@code inline}: the YAML/JSON text;
 *   <li>{@code configmap {name, key}}: the ConfigMap value from the runtime's {@link SecretStore}
 *       (mounted files in a pod, ConfigMap manifests under {@code caravan run});
 *   <li>{@code file {path}}: a file of the runtime's file system;
 *   <li>{@code url {path, verifyCert}}: HTTP GET, see {@link UrlArtifact};
 *   <li>{@code git}: a file of a git repository, see {@link GitArtifact};
 *   <li>{@code s3}: not supported (a clear error).
 * </ul>
 *
 * {@code field} (e.g. {@code trigger.template.k8s.source}) names the source in error messages.
 */
public final class ArtifactReader {
  private static final YAMLMapper YAML = new YAMLMapper();

  /** Attempts to read a source that cannot be read (Argo: 5, one second apart). */
  static final int ATTEMPTS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(ArtifactReader.class);

  private final Supplier<SecretStore> secrets;
  private final Duration retryDelay;

  public ArtifactReader(Supplier<SecretStore> secrets) {
    this(secrets, Duration.ofSeconds(1));
  }

  ArtifactReader(Supplier<SecretStore> secrets, Duration retryDelay) {
    this.secrets = secrets;
    this.retryDelay = retryDelay;
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted while waiting to read a trigger source again", e);
    }
  }

  /**
   * The source's object (a fresh copy: callers may change it). A source that cannot be read this
   * time (I/O, HTTP status, clone) is read again, up to {@value #ATTEMPTS} attempts one second
   * apart (Argo).
   */
  public ObjectNode read(ArtifactLocation source, String field) {
    for (int attempt = 1; ; attempt++) {
      try {
        return readOnce(source, field);
      } catch (ArtifactUnavailableException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        LOG.info("{} (attempt {} of {}); reading it again", e.getMessage(), attempt, ATTEMPTS);
        sleep(retryDelay);
      }
    }
  }

  private ObjectNode readOnce(ArtifactLocation source, String field) {
    if (source == null) {
      throw new IllegalArgumentException(field + ": is required");
    }
    if (present(source.getResource())) {
      if (!source.getResource().isObject()) {
        throw new IllegalArgumentException(field + ".resource: must be an object");
      }
      return (ObjectNode) source.getResource().deepCopy();
    }
    if (source.getInline() != null) {
      return decode(source.getInline(), field + ".inline");
    }
    if (present(source.getConfigmap())) {
      String name = required(source.getConfigmap(), "name", field + ".configmap");
      String key = required(source.getConfigmap(), "key", field + ".configmap");
      String text =
          secrets
              .get()
              .configMap(name, key)
              .orElseThrow(
                  () ->
                      new ArtifactUnavailableException(
                          field + ".configmap: ConfigMap '" + name + "' has no key '" + key + "'",
                          null));
      return decode(text, field + ".configmap");
    }
    if (present(source.getFile())) {
      Path path = Path.of(required(source.getFile(), "path", field + ".file"));
      try {
        return decode(Files.readString(path), field + ".file");
      } catch (IOException e) {
        throw new ArtifactUnavailableException(
            field + ".file: cannot read " + path + ": " + e.getMessage(), e);
      }
    }
    if (present(source.getUrl())) {
      JsonNode url = source.getUrl();
      String text =
          UrlArtifact.fetch(
              required(url, "path", field + ".url"),
              url.path("verifyCert").asBoolean(false),
              field + ".url");
      return decode(text, field + ".url");
    }
    if (present(source.getGit())) {
      return decode(
          new GitArtifact(source.getGit(), secrets, field + ".git").read(), field + ".git");
    }
    if (present(source.getS3())) {
      throw new IllegalArgumentException(
          field
              + ".s3: is not supported by Caravan yet "
              + "(use resource, inline, configmap, file, url or git)");
    }
    throw new IllegalArgumentException(
        field + ": needs one of resource, inline, configmap, file, url, git");
  }

  static String required(JsonNode node, String name, String field) {
    JsonNode value = node.path(name);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(field + "." + name + ": is required");
    }
    return value.asText();
  }

  private static boolean present(JsonNode node) {
    return node != null && !node.isNull() && !node.isMissingNode();
  }

  private static ObjectNode decode(String text, String field) {
    try {
      JsonNode parsed = YAML.readTree(text);
      if (!(parsed instanceof ObjectNode object)) {
        throw new IllegalArgumentException(field + ": is not a YAML/JSON object");
      }
      return object;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          field + ": is not valid YAML/JSON: " + e.getOriginalMessage(), e);
    }
  }
}
