package io.caravan.routes.source.webhook;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The {@link WebhookProvider}s on the class path, by name, from {@code
 * META-INF/services/io.caravan.routes.source.webhook.WebhookProvider}. An unknown name is an error
 * naming the known ones, never a fallback to the plain webhook.
 */
public final class WebhookProviders {
  private static volatile Map<String, WebhookProvider> byName;

  private WebhookProviders() {}

  public static WebhookProvider named(String name) {
    WebhookProvider provider = all().get(name);
    if (provider == null) {
      throw new IllegalArgumentException(
          "argo-webhook: no webhook provider '" + name + "' (known: " + all().keySet() + ")");
    }
    return provider;
  }

  /** Every provider, by name. */
  public static Map<String, WebhookProvider> all() {
    Map<String, WebhookProvider> loaded = byName;
    if (loaded == null) {
      Map<String, WebhookProvider> found = new TreeMap<>();
      for (WebhookProvider provider :
          ServiceLoader.load(WebhookProvider.class, WebhookProviders.class.getClassLoader())) {
        WebhookProvider previous = found.putIfAbsent(provider.name(), provider);
        if (previous != null) {
          throw new IllegalStateException(
              "two webhook providers named '"
                  + provider.name()
                  + "': "
                  + previous.getClass().getName()
                  + " and "
                  + provider.getClass().getName());
        }
      }
      loaded = Collections.unmodifiableMap(found);
      byName = loaded;
    }
    return loaded;
  }
}
