package io.caravan.routes.source.sns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A signing certificate the test makes (JDK keytool: an RSA key pair with a self-signed
 * certificate) and SNS messages signed with its key, as SNS signs them.
 */
final class SnsTestMessages {
  private static final ObjectMapper JSON = new ObjectMapper();
  final String certificatePem;
  private final PrivateKey key;

  private SnsTestMessages(String certificatePem, PrivateKey key) {
    this.certificatePem = certificatePem;
    this.key = key;
  }

  static SnsTestMessages create(Path dir) throws Exception {
    Path store = dir.resolve("sns-signing.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "sns",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=sns.us-east-1.amazonaws.com",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
      throw new IllegalStateException(new String(keytool.getInputStream().readAllBytes()));
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    Certificate certificate = keys.getCertificate("sns");
    String pem =
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
            + "\n-----END CERTIFICATE-----\n";
    return new SnsTestMessages(pem, (PrivateKey) keys.getKey("sns", "changeit".toCharArray()));
  }

  ObjectNode notification(String topicArn, String message, String certUrl) throws Exception {
    ObjectNode node = JSON.createObjectNode();
    node.put("Type", "Notification");
    node.put("MessageId", "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324");
    node.put("TopicArn", topicArn);
    node.put("Subject", "deploy");
    node.put("Message", message);
    node.put("Timestamp", "2026-12-07T16:00:00.000Z");
    node.put("SignatureVersion", "1");
    node.put("SigningCertURL", certUrl);
    node.put("UnsubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe");
    return sign(node, "SHA1withRSA");
  }

  ObjectNode confirmation(String topicArn, String token, String certUrl) throws Exception {
    ObjectNode node = JSON.createObjectNode();
    node.put("Type", "SubscriptionConfirmation");
    node.put("MessageId", "165545c9-2a5c-472c-8df2-7ff2be2b3b1b");
    node.put("Token", token);
    node.put("TopicArn", topicArn);
    node.put("Message", "You have chosen to subscribe to the topic " + topicArn);
    node.put("SubscribeURL", "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription");
    node.put("Timestamp", "2026-12-07T16:00:00.000Z");
    node.put("SignatureVersion", "2");
    node.put("SigningCertURL", certUrl);
    return sign(node, "SHA256withRSA");
  }

  private ObjectNode sign(ObjectNode node, String algorithm) throws Exception {
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(SnsSignature.stringToSign(node));
    node.put("Signature", Base64.getEncoder().encodeToString(signer.sign()));
    return node;
  }
}
