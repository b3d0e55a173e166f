package io.caravan.generator;

import io.caravan.api.common.SecretKeySelector;
import java.util.List;

/** Secret references as written into routes: {@code name/key}. Secret values are never read. */
public final class SecretRefs {

  private SecretRefs() {}

  /** True when {@code selector} is absent or names both a secret and a key. */
  public static boolean isValid(SecretKeySelector selector) {
    return selector == null || (notEmpty(selector.getName()) && notEmpty(selector.getKey()));
  }

  /**
   * {@code name/key} of {@code selector}, or null when it is absent or incomplete (then an error
   * naming {@code path} is added).
   */
  public static String reference(SecretKeySelector selector, String path, Diagnostics diagnostics) {
    if (selector == null) {
      return null;
    }
    if (!isValid(selector)) {
      diagnostics.error(path, "a secret reference needs both name and key");
      return null;
    }
    return selector.getName() + "/" + selector.getKey();
  }

  /**
   * Argo's rule for a secret reference at {@code path}: when set, it names both a secret and a key.
   */
  public static void check(String path, SecretKeySelector secret, List<Diagnostic> out) {
    if (secret == null) {
      return;
    }
    if (!notEmpty(secret.getName())) {
      out.add(Diagnostic.error(path + ".name", "secret name is required"));
    }
    if (!notEmpty(secret.getKey())) {
      out.add(Diagnostic.error(path + ".key", "secret key is required"));
    }
  }

  private static boolean notEmpty(String text) {
    return text != null && !text.isEmpty();
  }
}
