package io.caravan.routes.source.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature (beyond Argo, which checks none): {@code Stripe-Signature: t=<unix
 * seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">[,v1=…]} with the endpoint's signing secret; one
 * {@code v1} must match and {@code t} be within 5 minutes of now, as Stripe's libraries check it.
 */
final class StripeSignature {
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  private StripeSignature() {}

  /** Null when the request is signed with {@code secret}, else the refusal text. */
  static String check(String secret, String header, byte[] body, Instant now) {
    if (header == null || header.isEmpty()) {
      return "missing Stripe-Signature header";
    }
    String timestamp = null;
    List<String> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String name = part.substring(0, eq).trim();
      String value = part.substring(eq + 1).trim();
      if (name.equals("t")) {
        timestamp = value;
      } else if (name.equals("v1")) {
        signatures.add(value);
      }
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp == null ? "" : timestamp);
    } catch (NumberFormatException e) {
      return "unable to extract timestamp and signatures from header";
    }
    if (signatures.isEmpty()) {
      return "no signatures found with expected scheme";
    }
    if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
      return "timestamp outside the tolerance zone";
    }
    byte[] expected = sign(secret, timestamp, body);
    for (String signature : signatures) {
      try {
        if (MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature))) {
          return null;
        }
      } catch (IllegalArgumentException e) {
        // not hex: does not match
      }
    }
    return "no signatures found matching the expected signature for payload";
  }

  /** The HMAC-SHA256 of {@code <timestamp>.<body>}. */
  static byte[] sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
