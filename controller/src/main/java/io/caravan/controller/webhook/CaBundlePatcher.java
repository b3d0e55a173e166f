package io.caravan.controller.webhook;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Writes the webhook's CA into every webhook of its ValidatingWebhookConfiguration. */
public final class CaBundlePatcher {

  private final KubernetesClient client;

  public CaBundlePatcher(KubernetesClient client) {
    this.client = client;
  }

  /** Returns false when the configuration does not exist (yet). */
  public boolean patch(String configurationName, String caBundle) {
    var resource =
        client
            .admissionRegistration()
            .v1()
            .validatingWebhookConfigurations()
            .withName(configurationName);
    if (resource.get() == null) {
      return false;
    }
    resource.edit(
        (ValidatingWebhookConfiguration c) -> {
          c.getWebhooks().forEach(w -> w.getClientConfig().setCaBundle(caBundle));
          return c;
        });
    return true;
  }
}
