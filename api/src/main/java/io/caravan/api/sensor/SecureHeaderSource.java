package io.caravan.api.sensor;

import io.caravan.api.ArgoObject;
import io.caravan.api.common.ConfigMapKeySelector;
import io.caravan.api.common.SecretKeySelector;

/** Secret or ConfigMap key a secure header value is read from. */
public class SecureHeaderSource extends ArgoObject {

  private SecretKeySelector secretKeyRef;
  private ConfigMapKeySelector configMapKeyRef;

  public SecretKeySelector getSecretKeyRef() {
    return secretKeyRef;
  }

  public void setSecretKeyRef(SecretKeySelector secretKeyRef) {
    this.secretKeyRef = secretKeyRef;
  }

  public ConfigMapKeySelector getConfigMapKeyRef() {
    return configMapKeyRef;
  }

  public void setConfigMapKeyRef(ConfigMapKeySelector configMapKeyRef) {
    this.configMapKeyRef = configMapKeyRef;
  }
}
