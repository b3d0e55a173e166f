package io.caravan.api.eventsource.bitbucket;

import io.caravan.api.ArgoObject;
import io.caravan.api.common.SecretKeySelector;

/** Argo's {@code BitbucketBasicAuth}: user name and (app) password, as secret references. */
public class BitbucketBasicAuth extends ArgoObject {

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
