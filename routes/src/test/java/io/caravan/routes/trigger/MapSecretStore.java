package io.caravan.routes.trigger;

import io.caravan.routes.secrets.SecretStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A SecretStore over maps, keyed {@code name/key}. */
final class MapSecretStore implements SecretStore {
  private final Map<String, String> secrets = new HashMap<>();
  private final Map<String, String> configMaps = new HashMap<>();

  MapSecretStore secret(String name, String key, String value) {
    secrets.put(name + "/" + key, value);
    return this;
  }

  MapSecretStore configMap(String name, String key, String value) {
    configMaps.put(name + "/" + key, value);
    return this;
  }

  @Override
  public Optional<String> secret(String name, String key) {
    return Optional.ofNullable(secrets.get(name + "/" + key));
  }

  @Override
  public Optional<String> configMap(String name, String key) {
    return Optional.ofNullable(configMaps.get(name + "/" + key));
  }
}
