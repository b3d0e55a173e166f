package io.caravan.controller.webhook;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Keeps generated webhook certificates in a Secret (as Argo's webhook keeps {@code
 * events-webhook-certs}), so every replica and every restart serves the same CA: the first replica
 * generates and creates it, the others (and later starts) read it.
 */
public final class CertificateSecret {

  private final KubernetesClient client;

  public CertificateSecret(KubernetesClient client) {
    this.client = client;
  }

  public WebhookCertificates loadOrCreate(
      String namespace, String name, List<String> dnsNames, Path workDir) throws IOException {
    Secret existing = client.secrets().inNamespace(namespace).withName(name).get();
    if (existing == null) {
      WebhookCertificates generated = WebhookCertificates.generate(dnsNames);
      Secret secret =
          new SecretBuilder()
              .withNewMetadata()
              .withName(name)
              .withNamespace(namespace)
              .addToLabels("app.kubernetes.io/component", "webhook")
              .endMetadata()
              .withType("kubernetes.io/tls")
              .addToData(encode(generated.pemFiles()))
              .build();
      try {
        client.resource(secret).create();
        return generated;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
        existing = client.secrets().inNamespace(namespace).withName(name).get();
      }
    }
    Files.createDirectories(workDir);
    for (Map.Entry<String, String> entry : existing.getData().entrySet()) {
      Files.write(workDir.resolve(entry.getKey()), Base64.getDecoder().decode(entry.getValue()));
    }
    return WebhookCertificates.load(workDir);
  }

  private static Map<String, String> encode(Map<String, String> files) {
    return files.entrySet().stream()
        .collect(
            java.util.stream.Collectors.toMap(
                Map.Entry::getKey,
                e ->
                    Base64.getEncoder()
                        .encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8))));
  }
}
