package io.caravan.routes.source.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.support.secrets.SecretStore;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;

/**
 * What a {@link WebhookProvider} gets to make one endpoint's receiver.
 *
 * @param provider the provider's name
 * @param port the configured port
 * @param path the endpoint path
 * @param options the endpoint's {@code provider.<option>} parameters, by option name
 * @param metadata the event metadata to copy into every event, or null
 * @param secrets where secret references ({@code name/key}) are read; may be null when no reference
 *     is set
 * @param camelContext the route's context (registry beans such as metrics and clients)
 */
public record WebhookReceiverContext(
    String provider,
    int port,
    String path,
    Map<String, String> options,
    ObjectNode metadata,
    SecretStore secrets,
    CamelContext camelContext) {

  public WebhookReceiverContext {
    options = Map.copyOf(options);
  }

  /** {@code <provider> <path>}: how log lines and errors name the endpoint. */
  public String where() {
    return provider + " " + path;
  }

  /**
   * The option's value, or null when unset or blank. A Kamelet's {@code RAW({{?name}})} of an unset
   * parameter arrives as the placeholder itself: that is unset too.
   */
  public String option(String name) {
    String value = options.get(name);
    boolean unresolved = value != null && value.startsWith("{{?") && value.endsWith("}}");
    return value == null || value.isBlank() || unresolved ? null : value;
  }

  /** The option's value, or {@code fallback} when unset. */
  public String option(String name, String fallback) {
    String value = option(name);
    return value == null ? fallback : value;
  }

  /** A boolean option ({@code true}/{@code false}), or {@code fallback} when unset. */
  public boolean flag(String name, boolean fallback) {
    String value = option(name);
    if (value == null) {
      return fallback;
    }
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(
          where() + ": option " + name + " must be true or false, got '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  /**
   * Reads the secret the option references ({@code name/key}); empty when the option is unset.
   * Throws naming the option when the reference is set but cannot be read (never its value).
   */
  public Optional<String> secret(String option) {
    String ref = option(option);
    if (ref == null) {
      return Optional.empty();
    }
    if (secrets == null) {
      throw new IllegalStateException(
          where() + ": " + option + " is set but no SecretStore bean is bound in the registry");
    }
    return Optional.of(
        secrets
            .secretRef(ref)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        where() + ": " + option + " '" + ref + "' not found")));
  }
}
