package io.caravan.routes.source.github;

import io.caravan.routes.source.webhook.WebhookRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * go-github's {@code ValidatePayload} as Argo calls it: the payload is the body ({@code
 * application/json}) or its {@code payload} form value ({@code application/x-www-form-urlencoded});
 * with a secret, {@code X-Hub-Signature-256} (else {@code X-Hub-Signature}) must be {@code
 * sha1=|sha256=|sha512=<hex HMAC of the raw body>}. Failures throw {@link IllegalArgumentException}
 * with go-github's text.
 */
final class GithubPayload {
  private GithubPayload() {}

  static byte[] validate(WebhookRequest request, byte[] secret) {
    String signature = request.header("X-Hub-Signature-256");
    if (signature == null || signature.isEmpty()) {
      signature = request.header("X-Hub-Signature");
    }
    String contentType = request.mediaType();
    if (contentType.isEmpty()) {
      throw new IllegalArgumentException("mime: no media type");
    }
    byte[] body = request.body();
    byte[] payload;
    switch (contentType) {
      case "application/json" -> payload = body;
      case "application/x-www-form-urlencoded" ->
          payload = formValue(new String(body, StandardCharsets.UTF_8), "payload");
      default ->
          throw new IllegalArgumentException(
              "webhook request has unsupported Content-Type \"" + contentType + "\"");
    }
    if (secret.length > 0) {
      checkSignature(signature == null ? "" : signature, body, secret);
    }
    return payload;
  }

  static void checkSignature(String signature, byte[] body, byte[] secret) {
    if (signature.isEmpty()) {
      throw new IllegalArgumentException("missing signature");
    }
    int equals = signature.indexOf('=');
    if (equals < 0) {
      throw new IllegalArgumentException("error parsing signature \"" + signature + "\"");
    }
    String prefix = signature.substring(0, equals);
    String algorithm =
        switch (prefix) {
          case "sha1" -> "HmacSHA1";
          case "sha256" -> "HmacSHA256";
          case "sha512" -> "HmacSHA512";
          default ->
              throw new IllegalArgumentException("unknown hash type prefix: \"" + prefix + "\"");
        };
    byte[] given = decodeHex(signature, signature.substring(equals + 1));
    byte[] expected;
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret, algorithm));
      expected = mac.doFinal(body);
    } catch (Exception e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
    if (!MessageDigest.isEqual(given, expected)) {
      throw new IllegalArgumentException("payload signature check failed");
    }
  }

  /** Go's hex.DecodeString, with go-github's wrapping of its errors. */
  private static byte[] decodeHex(String signature, String hex) {
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (Character.digit(c, 16) < 0) {
        throw new IllegalArgumentException(
            "error decoding signature \""
                + signature
                + "\": encoding/hex: invalid byte: "
                + String.format("U+%04X '%c'", (int) c, c));
      }
    }
    if (hex.length() % 2 != 0) {
      throw new IllegalArgumentException(
          "error decoding signature \"" + signature + "\": encoding/hex: odd length hex string");
    }
    return HexFormat.of().parseHex(hex);
  }

  /**
   * Go's {@code url.ParseQuery(body).Get(name)}: the first value of {@code name} ("" when absent);
   * a malformed escape or a semicolon fails the whole form, as in Go.
   */
  static byte[] formValue(String form, String name) {
    String found = null;
    for (String pair : form.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      if (pair.contains(";")) {
        throw new IllegalArgumentException("invalid semicolon separator in query");
      }
      int equals = pair.indexOf('=');
      String key = unescape(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : unescape(pair.substring(equals + 1));
      if (found == null && key.equals(name)) {
        found = value;
      }
    }
    return (found == null ? "" : found).getBytes(StandardCharsets.UTF_8);
  }

  /** Go's {@code url.QueryUnescape}: {@code +} is a space, {@code %XX} a byte. */
  private static String unescape(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == '%') {
        if (i + 2 >= bytes.length
            || Character.digit(bytes[i + 1], 16) < 0
            || Character.digit(bytes[i + 2], 16) < 0) {
          String bad = new String(bytes, i, Math.min(bytes.length - i, 3), StandardCharsets.UTF_8);
          throw new IllegalArgumentException("invalid URL escape \"" + bad + "\"");
        }
        out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
        i += 2;
      } else {
        out.write(b == '+' ? ' ' : b);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
