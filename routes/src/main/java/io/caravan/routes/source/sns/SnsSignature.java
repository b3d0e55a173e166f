package io.caravan.routes.source.sns;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The SNS message signature, as Argo's {@code validateSignature} checks it: the {@code
 * SigningCertURL} must be https on {@code sns.<region>.amazonaws.com[.cn]}, the PEM certificate is
 * fetched from it (cached by URL here), and {@code Signature} (base64) must be its RSA signature of
 * the message's string to sign ({@code key\nvalue\n} for the type's keys that are not empty):
 * SHA1withRSA for {@code SignatureVersion} 1, SHA256withRSA for 2.
 */
final class SnsSignature {
  static final String ARGO_CERT_URL =
      "https://sns\\.[a-zA-Z0-9\\-]{3,}\\.amazonaws\\.com(\\.cn)?/.*";
  private static final Map<String, List<String>> KEYS =
      Map.of(
          "Notification",
          List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"),
          "SubscriptionConfirmation",
          List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"),
          "UnsubscribeConfirmation",
          List.of(
              "Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"));

  private final Pattern certUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();

  SnsSignature(String certUrlPattern) {
    this.certUrl = Pattern.compile(certUrlPattern == null ? ARGO_CERT_URL : certUrlPattern);
  }

  /** Null when the message is signed by its signing certificate, else Argo's refusal text. */
  String check(JsonNode message) {
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(message.path("Signature").asText(""));
    } catch (IllegalArgumentException e) {
      return "failed to base64 decode signature, " + e.getMessage();
    }
    String url = message.path("SigningCertURL").asText("");
    if (!certUrl.matcher(url).matches()) {
      return "failed to verify SigningCertURL, SigningCertURL `"
          + url
          + "` does not match `"
          + certUrl.pattern()
          + "`";
    }
    X509Certificate certificate;
    try {
      certificate = certificates.computeIfAbsent(url, this::fetch);
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
    String algorithm =
        message.path("SignatureVersion").asText("1").equals("2") ? "SHA256withRSA" : "SHA1withRSA";
    try {
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(stringToSign(message));
      if (!verifier.verify(signature)) {
        return "message signature check error, crypto/rsa: verification error";
      }
    } catch (GeneralSecurityException e) {
      return "message signature check error, " + e.getMessage();
    }
    return null;
  }

  /** {@code key\nvalue\n} for each of the type's keys whose value is not empty, in order. */
  static byte[] stringToSign(JsonNode message) {
    StringBuilder text = new StringBuilder();
    for (String key : KEYS.getOrDefault(message.path("Type").asText(""), List.of())) {
      String value = message.path(key).asText("");
      if (!value.isEmpty()) {
        text.append(key).append('\n').append(value).append('\n');
      }
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private X509Certificate fetch(String url) {
    try {
      var response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
              BodyHandlers.ofByteArray());
      if (response.statusCode() > 299) {
        throw new IllegalStateException(
            "failed to fetch signing cert, status " + response.statusCode());
      }
      byte[] body = response.body();
      try (InputStream in = new ByteArrayInputStream(body, 0, Math.min(body.length, 65 * 1024))) {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("failed to fetch signing cert, interrupted");
    } catch (java.io.IOException e) {
      throw new IllegalStateException("failed to fetch signing cert, " + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("failed to parse signing cert, " + e.getMessage());
    }
  }
}
