package io.caravan.routes.support.tls;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.routes.support.secrets.SecretRefs;
import io.caravan.routes.support.secrets.SecretStore;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A trigger's {@code tls} block (Argo's TLSConfig: {@code caCertSecret}, {@code clientCertSecret},
 * {@code clientKeySecret}, {@code insecureSkipVerify}) with the PEM values read from the
 * SecretStore. Equal settings share one client; the values never appear in {@link #toString()}.
 */
public final class TlsSettings {
  public static final TlsSettings NONE = new TlsSettings(null, null, null, false);

  private final String caCertPem;
  private final String clientCertPem;
  private final String clientKeyPem;
  private final boolean insecureSkipVerify;

  TlsSettings(
      String caCertPem, String clientCertPem, String clientKeyPem, boolean insecureSkipVerify) {
    this.caCertPem = caCertPem;
    this.clientCertPem = clientCertPem;
    this.clientKeyPem = clientKeyPem;
    this.insecureSkipVerify = insecureSkipVerify;
  }

  /** Reads {@code tls} (null or empty → {@link #NONE}); {@code where} names the block in errors. */
  public static TlsSettings read(JsonNode tls, SecretStore store, String where) {
    if (tls == null || tls.isNull() || tls.isMissingNode() || tls.isEmpty()) {
      return NONE;
    }
    String ca = SecretRefs.optional(store, tls.get("caCertSecret"), where + ".caCertSecret");
    String cert =
        SecretRefs.optional(store, tls.get("clientCertSecret"), where + ".clientCertSecret");
    String key = SecretRefs.optional(store, tls.get("clientKeySecret"), where + ".clientKeySecret");
    if ((cert == null) != (key == null)) {
      throw new IllegalArgumentException(
          where + ": clientCertSecret and clientKeySecret must be given together");
    }
    return new TlsSettings(ca, cert, key, tls.path("insecureSkipVerify").asBoolean(false));
  }

  public boolean isNone() {
    return equals(NONE);
  }

  /** Applies these settings to Vert.x client options. */
  public void applyTo(HttpClientOptions options) {
    if (insecureSkipVerify) {
      options.setTrustAll(true).setVerifyHost(false);
    } else if (caCertPem != null) {
      options.setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(caCertPem)));
    }
    if (clientCertPem != null) {
      options.setKeyCertOptions(
          new PemKeyCertOptions()
              .setCertValue(Buffer.buffer(clientCertPem))
              .setKeyValue(Buffer.buffer(clientKeyPem)));
    }
  }

  /**
   * An SSLContext for clients that take one (NATS): trusts the CA when given, all servers with
   * {@code insecureSkipVerify}, else the JVM's defaults; presents the client certificate when given
   * (its key must be unencrypted PKCS#8). {@code where} names the tls block in errors.
   */
  public SSLContext sslContext(String where) throws Exception {
    TrustManager[] trust = null;
    if (insecureSkipVerify) {
      trust = new TrustManager[] {new TrustAll()};
    } else if (caCertPem != null) {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(PemKeyStores.trustStore(caCertPem));
      trust = factory.getTrustManagers();
    }
    KeyManager[] keys = null;
    if (clientCertPem != null) {
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(
          PemKeyStores.keyStore(clientCertPem, clientKeyPem, where + ".clientKeySecret"),
          PemKeyStores.NO_PASSWORD);
      keys = factory.getKeyManagers();
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys, trust, null);
    return context;
  }

  public String caCertPem() {
    return caCertPem;
  }

  public String clientCertPem() {
    return clientCertPem;
  }

  public String clientKeyPem() {
    return clientKeyPem;
  }

  public boolean insecureSkipVerify() {
    return insecureSkipVerify;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TlsSettings that
        && insecureSkipVerify == that.insecureSkipVerify
        && Objects.equals(caCertPem, that.caCertPem)
        && Objects.equals(clientCertPem, that.clientCertPem)
        && Objects.equals(clientKeyPem, that.clientKeyPem);
  }

  @Override
  public int hashCode() {
    return Objects.hash(caCertPem, clientCertPem, clientKeyPem, insecureSkipVerify);
  }

  @Override
  public String toString() {
    return "TlsSettings[ca="
        + (caCertPem != null)
        + ", clientCert="
        + (clientCertPem != null)
        + ", insecureSkipVerify="
        + insecureSkipVerify
        + "]";
  }

  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

    @Override
    public java.security.cert.X509Certificate[] getAcceptedIssuers() {
      return new java.security.cert.X509Certificate[0];
    }
  }
}
