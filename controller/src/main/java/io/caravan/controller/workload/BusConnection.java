package io.caravan.controller.workload;

/**
 * How a runtime pod reaches its bus, read from the EventBus's {@code status.config.jetstream} (as
 * Argo's pods get it).
 *
 * @param url {@code nats://host:4222}
 * @param accessSecretName Secret holding the client credentials ({@code username: …\npassword: …}),
 *     or null
 * @param accessSecretKey its key
 * @param streamConfig the resolved stream settings as YAML, or null
 */
public record BusConnection(
    String url, String accessSecretName, String accessSecretKey, String streamConfig) {

  public boolean hasAuth() {
    return accessSecretName != null && !accessSecretName.isEmpty() && accessSecretKey != null;
  }
}
