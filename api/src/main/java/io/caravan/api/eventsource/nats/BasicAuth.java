package io.caravan.api.eventsource.nats;

import io.caravan.api.ArgoObject;
import io.caravan.api.common.SecretKeySelector;

/** Argo's {@code BasicAuth}: user name and password, as secret references. */
public class BasicAuth extends ArgoObject {

  private SecretKeySelector username;
  private SecretKeySelector password;

  public SecretKeySelector getUsername() {
    return username;
  }

  public void setUsername(SecretKeySelector username) {
    this.username = username;
  }

  public SecretKeySelector getPassword() {
    return password;
  }

  public void setPassword(SecretKeySelector password) {
    this.password = password;
  }
}
