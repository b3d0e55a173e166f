package io.caravan.routes.trigger.artifact;

import io.caravan.routes.support.tls.InsecureTls;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * A {@code url} source (Argo's URL artifact reader): HTTP GET of {@code path}; only status 200 is
 * accepted; at most 512 KiB are read; TLS certificates are <em>not</em> verified unless {@code
 * verifyCert: true} (Argo's default). A TLS failure is final; other failures may be retried by the
 * caller.
 */
final class UrlArtifact {
  static final int MAX_BYTES = 512 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private UrlArtifact() {}

  static String fetch(String url, boolean verifyCert, String field) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ".path: '" + url + "' is not a URL", e);
    }
    HttpClient.Builder builder =
        HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL);
    if (!verifyCert) {
      builder.sslContext(InsecureTls.trustEverything());
    }
    HttpClient client = builder.build();
    try {
      HttpResponse<InputStream> response =
          client.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new ArtifactUnavailableException(
              field
                  + ": GET "
                  + url
                  + " answered "
                  + response.statusCode()
                  + " (only 200 is accepted)",
              null);
        }
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw new IllegalArgumentException(field + ": " + url + " is larger than 512 KiB");
        }
        return new String(bytes, StandardCharsets.UTF_8);
      }
    } catch (SSLException e) {
      throw new IllegalArgumentException(
          field
              + ": GET "
              + url
              + ": TLS failed (verifyCert: "
              + verifyCert
              + "): "
              + e.getMessage(),
          e);
    } catch (IOException e) {
      throw new ArtifactUnavailableException(
          field + ": GET " + url + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(field + ": interrupted while reading " + url, e);
    }
  }
}
