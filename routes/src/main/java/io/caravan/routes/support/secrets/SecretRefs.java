package io.caravan.routes.support.secrets;

import com.fasterxml.jackson.databind.JsonNode;
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
}
