package io.caravan.routes.support.secrets;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secret and ConfigMap values held in memory, e.g. read by {@code caravan run} from {@code kind:
 * Secret} and {@code kind: ConfigMap} manifests. {@link #toString()} lists names only, never
 * values.
 */
public final class MapSecretStore implements SecretStore {
  private final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> configMaps = new ConcurrentHashMap<>();

  /** Adds (or replaces) the value of one Secret key. */
  public MapSecretStore putSecret(String name, String key, String value) {
    secrets.computeIfAbsent(name, n -> new ConcurrentHashMap<>()).put(key, value);
    return this;
  }

  /** Adds (or replaces) every key of a Secret. */
  public MapSecretStore putSecret(String name, Map<String, String> values) {
    values.forEach((key, value) -> putSecret(name, key, value));
    return this;
  }

  /** Adds (or replaces) the value of one ConfigMap key. */
  public MapSecretStore putConfigMap(String name, String key, String value) {
    configMaps.computeIfAbsent(name, n -> new ConcurrentHashMap<>()).put(key, value);
    return this;
  }

  /** Adds (or replaces) every key of a ConfigMap. */
  public MapSecretStore putConfigMap(String name, Map<String, String> values) {
    values.forEach((key, value) -> putConfigMap(name, key, value));
    return this;
  }

  @Override
  public Optional<String> secret(String name, String key) {
    return Optional.ofNullable(secrets.getOrDefault(name, Map.of()).get(key));
  }

  @Override
  public Optional<String> configMap(String name, String key) {
    return Optional.ofNullable(configMaps.getOrDefault(name, Map.of()).get(key));
  }

  @Override
  public String toString() {
    return "MapSecretStore{secrets="
        + secrets.keySet()
        + ", configMaps="
        + configMaps.keySet()
        + "}";
  }
}
