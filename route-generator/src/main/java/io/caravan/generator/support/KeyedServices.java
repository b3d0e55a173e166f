package io.caravan.generator.support;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Loads the implementations of a type registry ({@code META-INF/services/<interface>}), keyed by
 * their Argo key in Argo's order; a key Argo does not have, or one registered twice, is a start-up
 * error.
 */
public final class KeyedServices {

  private KeyedServices() {}

  /**
   * @param what what one implementation is, for messages (e.g. {@code source type})
   * @param argoKeys every key Argo has, in its order
   */
  public static <T> Map<String, T> load(
      Class<T> service, Function<T, String> key, List<String> argoKeys, String what) {
    Map<String, T> byKey = new LinkedHashMap<>();
    ServiceLoader.load(service, service.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparingInt(type -> argoKeys.indexOf(key.apply(type))))
        .forEach(
            type -> {
              String k = key.apply(type);
              if (!argoKeys.contains(k)) {
                throw new IllegalStateException(
                    what
                        + " '"
                        + k
                        + "' ("
                        + type.getClass().getName()
                        + ") is not an Argo key: "
                        + argoKeys);
              }
              if (byKey.putIfAbsent(k, type) != null) {
                throw new IllegalStateException(what + " '" + k + "' is registered twice");
              }
            });
    return byKey;
  }
}
