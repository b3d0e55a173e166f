package io.caravan.controller.webhook;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The admission webhook's TLS material: either read from a mounted Secret ({@code tls.crt}, {@code
 * tls.key}, optional {@code ca.crt}) or generated at start (a self-signed CA and a server
 * certificate for the webhook Service's DNS names). {@link #caBundle()} is what the
 * ValidatingWebhookConfiguration needs.
 */
public final class WebhookCertificates {

  private final X509Certificate ca;
  private final X509Certificate server;
  private final PrivateKey serverKey;

  private WebhookCertificates(X509Certificate ca, X509Certificate server, PrivateKey serverKey) {
    this.ca = ca;
    this.server = server;
    this.serverKey = serverKey;
  }

  /** A new CA (valid 10 years) and a server certificate (1 year) for {@code dnsNames}. */
  public static WebhookCertificates generate(List<String> dnsNames) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair caKeys = generator.generateKeyPair();
      X500Name caName = new X500Name("CN=caravan-webhook-ca");
      Instant now = Instant.now().minus(Duration.ofMinutes(5));
      JcaX509v3CertificateBuilder caBuilder =
          new JcaX509v3CertificateBuilder(
              caName,
              serial(),
              Date.from(now),
              Date.from(now.plus(Duration.ofDays(3650))),
              caName,
              caKeys.getPublic());
      caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      caBuilder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate ca = sign(caBuilder, caKeys.getPrivate());

      KeyPair serverKeys = generator.generateKeyPair();
      JcaX509v3CertificateBuilder serverBuilder =
          new JcaX509v3CertificateBuilder(
              caName,
              serial(),
              Date.from(now),
              Date.from(now.plus(Duration.ofDays(365))),
              new X500Name("CN=" + dnsNames.get(0)),
              serverKeys.getPublic());
      serverBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      serverBuilder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      serverBuilder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      serverBuilder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              dnsNames.stream()
                  .map(n -> new GeneralName(GeneralName.dNSName, n))
                  .toArray(GeneralName[]::new)));
      return new WebhookCertificates(
          ca, sign(serverBuilder, caKeys.getPrivate()), serverKeys.getPrivate());
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException(
          "cannot generate the webhook certificates: " + e.getMessage(), e);
    }
  }

  /**
   * Reads {@code tls.crt} and {@code tls.key} (PEM) from {@code dir}; {@code ca.crt} when present,
   * else tls.crt.
   */
  public static WebhookCertificates load(Path dir) throws IOException {
    X509Certificate server = certificate(Files.readString(dir.resolve("tls.crt")));
    Path caFile = dir.resolve("ca.crt");
    X509Certificate ca = Files.exists(caFile) ? certificate(Files.readString(caFile)) : server;
    try (PEMParser parser =
        new PEMParser(new StringReader(Files.readString(dir.resolve("tls.key"))))) {
      Object read = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      PrivateKey key =
          read instanceof PEMKeyPair pair
              ? converter.getKeyPair(pair).getPrivate()
              : converter.getPrivateKey((PrivateKeyInfo) read);
      return new WebhookCertificates(ca, server, key);
    }
  }

  /** {@code tls.crt}, {@code tls.key} and {@code ca.crt} as PEM text (what a TLS Secret holds). */
  public java.util.Map<String, String> pemFiles() {
    return java.util.Map.of("tls.crt", pem(server), "tls.key", pem(serverKey), "ca.crt", pem(ca));
  }

  /** The CA certificate, PEM, base64-encoded: the {@code caBundle} of the webhook configuration. */
  public String caBundle() {
    return Base64.getEncoder().encodeToString(pem(ca).getBytes(StandardCharsets.UTF_8));
  }

  public X509Certificate ca() {
    return ca;
  }

  /** An SSL context serving the server certificate (and the CA in its chain). */
  public SSLContext serverContext() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] password = "webhook".toCharArray();
    store.setKeyEntry("server", serverKey, password, new Certificate[] {server, ca});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, new SecureRandom());
    return context;
  }

  /** An SSL context that trusts only this CA (for clients, e.g. tests). */
  public SSLContext clientContext() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", ca);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), new SecureRandom());
    return context;
  }

  static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  private static X509Certificate certificate(String pem) throws IOException {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      return new JcaX509CertificateConverter()
          .getCertificate((X509CertificateHolder) parser.readObject());
    } catch (GeneralSecurityException e) {
      throw new IOException("not a certificate: " + e.getMessage(), e);
    }
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey key)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
  }

  private static BigInteger serial() {
    return new BigInteger(64, new SecureRandom());
  }
}
