package io.caravan.routes.source.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing (v0), as Argo checks it with slack-go's {@code SecretsVerifier}: {@code
 * X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:<timestamp>:<body>">} with the app's signing
 * secret, and {@code X-Slack-Request-Timestamp} within 5 minutes of now (either side).
 */
final class SlackSignature {
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  private SlackSignature() {}

  /**
   * Null when the request is signed with {@code secret}, else Argo's refusal text (never the
   * computed signature).
   */
  static String check(String secret, String signature, String timestamp, byte[] body, Instant now) {
    if (signature == null || signature.isEmpty() || timestamp == null || timestamp.isEmpty()) {
      return "cannot create secrets verifier, missing headers";
    }
    byte[] sent;
    try {
      sent =
          HexFormat.of().parseHex(signature.startsWith("v0=") ? signature.substring(3) : signature);
    } catch (IllegalArgumentException e) {
      return "cannot create secrets verifier, invalid signature encoding";
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return "cannot create secrets verifier, invalid timestamp";
    }
    Duration skew = Duration.between(Instant.ofEpochSecond(seconds), now).abs();
    if (skew.compareTo(TOLERANCE) > 0) {
      return "cannot create secrets verifier, timestamp is too old";
    }
    if (!MessageDigest.isEqual(sign(secret, timestamp, body), sent)) {
      return "signature validation failed, computed unexpected signature";
    }
    return null;
  }

  /** The HMAC-SHA256 of {@code v0:<timestamp>:<body>}. */
  static byte[] sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
