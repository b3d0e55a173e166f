package io.caravan.routes.source.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.routes.source.webhook.HookApiClient;
import io.caravan.routes.source.webhook.WebhookReceiverContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Function;

/**
 * GitHub App authentication (what ghinstallation does for Argo): a JWT signed RS256 with the App's
 * private key (issuer the App id, issued 60 s in the past, valid 9 minutes) is exchanged at {@code
 * POST <base>app/installations/<id>/access_tokens} for an installation token, used as {@code
 * Authorization: token <t>} and renewed a minute before it expires. The key may be PKCS#1 ({@code
 * BEGIN RSA PRIVATE KEY}, what GitHub hands out) or PKCS#8 ({@code BEGIN PRIVATE KEY}).
 */
final class GithubAppToken {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private final WebhookReceiverContext context;
  private final long appId;
  private final long installationId;
  private final String pem;
  private PrivateKey key;
  private final String base;
  private final Clock clock;
  private HookApiClient current;
  private Instant expiresAt = Instant.MIN;

  GithubAppToken(
      WebhookReceiverContext context,
      long appId,
      long installationId,
      String pem,
      String base,
      Clock clock) {
    this.context = context;
    this.appId = appId;
    this.installationId = installationId;
    this.pem = pem;
    this.base = GithubApi.withSlash(base);
    this.clock = clock;
  }

  /** A client authenticated with a valid installation token (fetched when needed). */
  synchronized HookApiClient client() {
    Instant now = clock.instant();
    if (current == null || now.isAfter(expiresAt.minusSeconds(60))) {
      refresh(now);
    }
    return current;
  }

  private void refresh(Instant now) {
    HookApiClient app =
        HookApiClient.create(
            context, GithubProvider.apiHeaders("Bearer " + jwt(now)), Function.identity());
    JsonNode answer;
    try {
      answer =
          app.send(
              "POST",
              base + "app/installations/" + installationId + "/access_tokens",
              JSON.createObjectNode());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while getting an installation token", e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "could not get an installation token for app " + appId + ": " + e.getMessage(), e);
    }
    String value = answer.path("token").asText("");
    if (value.isEmpty()) {
      throw new IllegalStateException(
          "the installation token answer of app " + appId + " has no token");
    }
    current =
        HookApiClient.create(
            context, GithubProvider.apiHeaders("token " + value), Function.identity());
    String expires = answer.path("expires_at").asText("");
    expiresAt = expires.isEmpty() ? now.plusSeconds(3600) : Instant.parse(expires);
  }

  /** The App's JWT at {@code now}. */
  synchronized String jwt(Instant now) {
    if (key == null) {
      // read on the hooks' thread: a bad key is a logged, retried failure, the endpoint serves on
      key = privateKey(pem, context.where());
    }
    String header =
        URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims =
        URL.encodeToString(
            ("{\"iat\":"
                    + (now.getEpochSecond() - 60)
                    + ",\"exp\":"
                    + (now.getEpochSecond() + 540)
                    + ",\"iss\":\""
                    + appId
                    + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    String signed = header + "." + claims;
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + URL.encodeToString(rsa.sign());
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign the GitHub App JWT: " + e.getMessage(), e);
    }
  }

  /** Reads a PKCS#1 or PKCS#8 PEM RSA key; throws naming the option, never the key. */
  static PrivateKey privateKey(String pem, String where) {
    boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      byte[] pkcs8 = pkcs1 ? wrapPkcs1(der) : der;
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (Exception e) {
      throw new IllegalArgumentException(
          where + ": githubAppPrivateKey is not a PEM RSA private key (PKCS#1 or PKCS#8)", e);
    }
  }

  /** PrivateKeyInfo {0, {rsaEncryption, NULL}, OCTET STRING pkcs1}. */
  private static byte[] wrapPkcs1(byte[] pkcs1) {
    byte[] algorithm = {
      0x30,
      0x0d,
      0x06,
      0x09,
      0x2a,
      (byte) 0x86,
      0x48,
      (byte) 0x86,
      (byte) 0xf7,
      0x0d,
      0x01,
      0x01,
      0x01,
      0x05,
      0x00
    };
    ByteArrayOutputStream inner = new ByteArrayOutputStream();
    inner.writeBytes(new byte[] {0x02, 0x01, 0x00});
    inner.writeBytes(algorithm);
    inner.write(0x04);
    inner.writeBytes(length(pkcs1.length));
    inner.writeBytes(pkcs1);
    ByteArrayOutputStream outer = new ByteArrayOutputStream();
    outer.write(0x30);
    outer.writeBytes(length(inner.size()));
    outer.writeBytes(inner.toByteArray());
    return outer.toByteArray();
  }

  private static byte[] length(int length) {
    if (length < 0x80) {
      return new byte[] {(byte) length};
    }
    if (length < 0x100) {
      return new byte[] {(byte) 0x81, (byte) length};
    }
    if (length < 0x10000) {
      return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
    }
    return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
  }
}
