package io.caravan.routes.testing;

import io.caravan.routes.secrets.SecretStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SecretStore} over an in-memory map, keyed {@code name/key}, for tests. */
public final class MapSecretStore implements SecretStore {
  private final Map<String, String> secrets = new ConcurrentHashMap<>();

  public MapSecretStore put(String name, String key, String value) {
    secrets.put(name + "/" + key, value);
    return this;
  }

  @Override
  public Optional<String> secret(String name, String key) {
    return Optional.ofNullable(secrets.get(name + "/" + key));
  }

  @Override
  public Optional<String> configMap(String name, String key) {
    return Optional.empty();
  }
}
