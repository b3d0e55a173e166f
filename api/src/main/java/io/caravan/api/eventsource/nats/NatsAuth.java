package io.caravan.api.eventsource.nats;

import io.caravan.api.ArgoObject;
import io.caravan.api.common.SecretKeySelector;

/**
 * Argo's {@code NATSAuth}: one of basic, token, nkey (a seed) or credential (a creds file), as
 * secret references.
 */
public class NatsAuth extends ArgoObject {

  private BasicAuth basic;
  private SecretKeySelector token;
  private SecretKeySelector nkey;
  private SecretKeySelector credential;

  public BasicAuth getBasic() {
    return basic;
  }

  public void setBasic(BasicAuth basic) {
    this.basic = basic;
  }

  public SecretKeySelector getToken() {
    return token;
  }

  public void setToken(SecretKeySelector token) {
    this.token = token;
  }

  public SecretKeySelector getNkey() {
    return nkey;
  }

  public void setNkey(SecretKeySelector nkey) {
    this.nkey = nkey;
  }

  public SecretKeySelector getCredential() {
    return credential;
  }

  public void setCredential(SecretKeySelector credential) {
    this.credential = credential;
  }
}
