package io.caravan.routes.support.secrets;

import java.util.Optional;

/**
 * Where the runtime reads Secret and ConfigMap values that manifests reference. Generated routes
 * hold only references ({@code name/key}), never values. In a pod the values are mounted files;
 * under {@code caravan run} they come from {@code kind: Secret} / {@code kind: ConfigMap}
 * manifests.
 *
 * <p>The runtime binds one instance in the Camel registry under {@link #BEAN_NAME}.
 */
public interface SecretStore {
  String BEAN_NAME = "secretStore";

  Optional<String> secret(String name, String key);

  Optional<String> configMap(String name, String key);

  /** Resolves a {@code name/key} reference, as written in generated routes. */
  default Optional<String> secretRef(String ref) {
    int slash = ref.indexOf('/');
    if (slash <= 0 || slash == ref.length() - 1) {
      throw new IllegalArgumentException("secret reference must be 'name/key': " + ref);
    }
    return secret(ref.substring(0, slash), ref.substring(slash + 1));
  }
}
