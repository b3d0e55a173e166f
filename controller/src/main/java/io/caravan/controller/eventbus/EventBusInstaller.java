package io.caravan.controller.eventbus;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.controller.ControllerOptions;
import io.caravan.controller.common.Children;
import io.caravan.controller.model.EventBusResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installs a managed JetStream bus and computes the connection every variant publishes in {@code
 * status.config.jetstream} ({@code url}, {@code accessSecret}, {@code streamConfig}). Generated
 * passwords are kept across reconciles: an existing client Secret is reused.
 */
public final class EventBusInstaller {

  private static final Pattern PASSWORD = Pattern.compile("(?m)^password:\\s*(\\S+)\\s*$");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KubernetesClient client;
  private final Children children;
  private final ControllerOptions options;

  public EventBusInstaller(KubernetesClient client, ControllerOptions options) {
    this.client = client;
    this.children = new Children(client);
    this.options = options;
  }

  /** Creates or updates the JetStream objects; returns {@code status.config}. */
  public Map<String, Object> installJetStream(EventBusResource bus, JsonNode js) {
    String name = bus.getMetadata().getName();
    String ns = bus.getMetadata().getNamespace();
    int replicas = js.path("replicas").canConvertToInt() ? js.get("replicas").asInt() : 3;
    String password =
        existingPassword(ns, JetStreamDependents.clientSecretName(name), "client-auth", PASSWORD);
    if (password == null) {
      password = randomPassword();
    }
    Pattern sys = Pattern.compile("user: \"sys\", password: \"([^\"]+)\"");
    String systemPassword =
        existingPassword(ns, JetStreamDependents.serverSecretName(name), "auth", sys);
    if (systemPassword == null) {
      systemPassword = randomPassword();
    }
    children.apply(bus, JetStreamDependents.clientSecret(bus, password));
    children.apply(bus, JetStreamDependents.serverSecret(bus, password, systemPassword));
    children.apply(bus, JetStreamDependents.config(bus, js, replicas));
    children.apply(bus, JetStreamDependents.service(bus));
    String version = js.path("version").asText("latest");
    String image = "latest".equals(version) ? options.natsImage() : "nats:" + version;
    children.apply(bus, JetStreamDependents.statefulSet(bus, js, replicas, image));
    return config(
        JetStreamDependents.url(name, ns),
        Map.of(
            "name",
            JetStreamDependents.clientSecretName(name),
            "key",
            JetStreamDependents.CLIENT_AUTH_KEY),
        StreamConfig.resolve(js, replicas));
  }

  /**
   * The connection of an existing JetStream server ({@code jetstreamExotic}); nothing is installed.
   */
  public Map<String, Object> exotic(JsonNode exotic) {
    Map<String, Object> secret = null;
    JsonNode access = exotic.get("accessSecret");
    if (access != null && access.hasNonNull("name") && access.hasNonNull("key")) {
      secret = Map.of("name", access.get("name").asText(), "key", access.get("key").asText());
    }
    return config(exotic.path("url").asText(), secret, StreamConfig.resolve(exotic, 3));
  }

  private static Map<String, Object> config(
      String url, Map<String, Object> accessSecret, String streamConfig) {
    Map<String, Object> jetstream = new LinkedHashMap<>();
    jetstream.put("url", url);
    if (accessSecret != null) {
      jetstream.put("accessSecret", accessSecret);
    }
    jetstream.put("streamConfig", streamConfig);
    return Map.of("jetstream", jetstream);
  }

  private String existingPassword(String ns, String secretName, String key, Pattern pattern) {
    Secret secret = client.secrets().inNamespace(ns).withName(secretName).get();
    if (secret == null) {
      return null;
    }
    String text = null;
    if (secret.getStringData() != null && secret.getStringData().get(key) != null) {
      text = secret.getStringData().get(key);
    } else if (secret.getData() != null && secret.getData().get(key) != null) {
      text =
          new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
    if (text == null) {
      return null;
    }
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static String randomPassword() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
