package io.caravan.routes.support.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Java key stores from PEM text (for clients that take an SSLContext, such as NATS): certificates,
 * and a client certificate chain with its unencrypted PKCS#8 private key ({@code BEGIN PRIVATE
 * KEY}, RSA or EC).
 */
final class PemKeyStores {
  static final char[] NO_PASSWORD = new char[0];

  private PemKeyStores() {}

  static KeyStore trustStore(String certificatesPem)
      throws GeneralSecurityException, java.io.IOException {
    KeyStore store = empty();
    int i = 0;
    for (Certificate certificate : certificates(certificatesPem)) {
      store.setCertificateEntry("ca-" + i++, certificate);
    }
    return store;
  }

  static KeyStore keyStore(String chainPem, String keyPem, String where)
      throws GeneralSecurityException, java.io.IOException {
    KeyStore store = empty();
    List<Certificate> chain = List.copyOf(certificates(chainPem));
    store.setKeyEntry(
        "client", privateKey(keyPem, where), NO_PASSWORD, chain.toArray(new Certificate[0]));
    return store;
  }

  private static java.util.Collection<? extends Certificate> certificates(String pem)
      throws GeneralSecurityException {
    return CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static PrivateKey privateKey(String pem, String where) throws GeneralSecurityException {
    String begin = "-----BEGIN PRIVATE KEY-----";
    int start = pem.indexOf(begin);
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (start < 0 || end < 0) {
      throw new IllegalArgumentException(
          where
              + ": the client key must be an unencrypted PKCS#8 PEM key "
              + "(BEGIN PRIVATE KEY); convert it with 'openssl pkcs8 -topk8 -nocrypt'");
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    GeneralSecurityException last = null;
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw new IllegalArgumentException(where + ": not an RSA, EC or Ed25519 private key", last);
  }

  private static KeyStore empty() throws GeneralSecurityException, java.io.IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    return store;
  }
}
