package io.caravan.routes.support.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.CamelContext;

/**
 * Reads the Secret values a trigger block references ({@code {name, key}} selectors as in the
 * manifest) from the registry's {@link SecretStore}. Errors name the field and the reference, never
 * the value.
 */
public final class SecretRefs {
  private SecretRefs() {}

  public static SecretStore store(CamelContext context) {
    SecretStore store =
        context.getRegistry().lookupByNameAndType(SecretStore.BEAN_NAME, SecretStore.class);
    if (store == null) {
      throw new IllegalStateException(
          "no '" + SecretStore.BEAN_NAME + "' bean to read secrets from");
    }
    return store;
  }

  /** The value of the selector at {@code selector}, or null when the selector is absent. */
  public static String optional(SecretStore store, JsonNode selector, String where) {
    if (selector == null || selector.isNull() || selector.isMissingNode()) {
      return null;
    }
    return required(store, selector, where);
  }

  /** The value of the selector; fails when it is absent, incomplete or not found. */
  public static String required(SecretStore store, JsonNode selector, String where) {
    if (selector == null || selector.isNull() || selector.isMissingNode()) {
      throw new IllegalArgumentException(where + ": a secret reference {name, key} is required");
    }
    String name = selector.path("name").asText("");
    String key = selector.path("key").asText("");
    if (name.isEmpty() || key.isEmpty()) {
      throw new IllegalArgumentException(where + ": a secret reference needs both name and key");
    }
    return store
        .secret(name, key)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    where + ": Secret key '" + name + "/" + key + "' not found"));
  }

  /**
   * Puts a {@code name/key} reference (as a Kamelet parameter carries it) into {@code block} as the
   * {@code {name, key}} selector the readers above take; nothing when the reference is null.
   */
  public static void putSelector(ObjectNode block, String field, String reference) {
    if (reference == null) {
      return;
    }
    int slash = reference.indexOf('/');
    ObjectNode selector = block.putObject(field);
    selector.put("name", slash < 0 ? reference : reference.substring(0, slash));
    selector.put("key", slash < 0 ? "" : reference.substring(slash + 1));
  }

  /**
   * The manifest's {@code tls} block ({@code caCertSecret}, {@code clientCertSecret}, {@code
   * clientKeySecret} selectors and {@code insecureSkipVerify}) from {@code name/key} references.
   */
  public static ObjectNode tlsBlock(
      ObjectNode block, String caCert, String clientCert, String clientKey, boolean insecure) {
    putSelector(block, "caCertSecret", caCert);
    putSelector(block, "clientCertSecret", clientCert);
    putSelector(block, "clientKeySecret", clientKey);
    if (insecure) {
      block.put("insecureSkipVerify", true);
    }
    return block;
  }

  /** The value of a required {@code name/key} reference; fails naming {@code where}. */
  public static String value(SecretStore store, String reference, String where) {
    if (reference == null) {
      throw new IllegalArgumentException(where + ": a secret reference is required");
    }
    return store
        .secretRef(reference)
        .orElseThrow(
            () ->
                new IllegalArgumentException(where + ": Secret key '" + reference + "' not found"));
  }
}
