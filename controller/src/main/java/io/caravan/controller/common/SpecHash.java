package io.caravan.controller.common;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable SHA-256 of a desired object part (its JSON) or of text. */
public final class SpecHash {

  private SpecHash() {}

  public static String of(Object value) {
    return text(value instanceof String s ? s : Serialization.asJson(value));
  }

  public static String text(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
