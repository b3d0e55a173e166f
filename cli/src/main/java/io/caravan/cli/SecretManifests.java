package io.caravan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.Manifest;
import io.caravan.routes.support.secrets.MapSecretStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Fills a {@link MapSecretStore} from {@code v1} {@code kind: Secret} ({@code data} base64, {@code
 * stringData} plain, the latter wins as in Kubernetes) and {@code kind: ConfigMap} ({@code data},
 * {@code binaryData} base64) manifests. Problems name the key, never the value.
 */
final class SecretManifests {
  private SecretManifests() {}

  /** Adds every Secret and ConfigMap among {@code manifests}; returns the problems found. */
  static List<Problem> load(
      List<Manifest> manifests, MapSecretStore store, List<Problem> problems) {
    for (Manifest manifest : manifests) {
      if (manifest.raw() == null
          || manifest.name() == null
          || !"v1".equals(manifest.apiVersion())) {
        continue;
      }
      if ("Secret".equals(manifest.kind())) {
        readBase64(manifest, "data", problems)
            .forEach((k, v) -> store.putSecret(manifest.name(), k, v));
        readPlain(manifest, "stringData", problems)
            .forEach((k, v) -> store.putSecret(manifest.name(), k, v));
      } else if ("ConfigMap".equals(manifest.kind())) {
        readPlain(manifest, "data", problems)
            .forEach((k, v) -> store.putConfigMap(manifest.name(), k, v));
        readBase64(manifest, "binaryData", problems)
            .forEach((k, v) -> store.putConfigMap(manifest.name(), k, v));
      }
    }
    return problems;
  }

  private static Map<String, String> readPlain(
      Manifest manifest, String field, List<Problem> problems) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    JsonNode node = manifest.raw().get(field);
    if (node == null || node.isNull()) {
      return values;
    }
    if (!node.isObject()) {
      problems.add(Problem.error(manifest, field, "expected a mapping"));
      return values;
    }
    node.fields()
        .forEachRemaining(
            entry -> {
              JsonNode value = entry.getValue();
              if (value.isValueNode()) {
                values.put(entry.getKey(), value.isNull() ? "" : value.asText());
              } else {
                problems.add(
                    Problem.error(manifest, field + "." + entry.getKey(), "expected a string"));
              }
            });
    return values;
  }

  private static Map<String, String> readBase64(
      Manifest manifest, String field, List<Problem> problems) {
    Map<String, String> decoded = new java.util.LinkedHashMap<>();
    readPlain(manifest, field, problems)
        .forEach(
            (key, value) -> {
              try {
                byte[] bytes = Base64.getDecoder().decode(value.replaceAll("\\s", ""));
                decoded.put(key, new String(bytes, StandardCharsets.UTF_8));
              } catch (IllegalArgumentException e) {
                problems.add(
                    Problem.error(manifest, field + "." + key, "value is not valid base64"));
              }
            });
    return decoded;
  }
}
