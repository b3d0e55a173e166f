package io.caravan.api.eventsource.bitbucket;

import io.caravan.api.ArgoObject;
import io.caravan.api.common.SecretKeySelector;

/** Argo's {@code BitbucketAuth}: basic auth or an OAuth bearer token. */
public class BitbucketAuth extends ArgoObject {

  private BitbucketBasicAuth basic;
  private SecretKeySelector oauthToken;

  public BitbucketBasicAuth getBasic() {
    return basic;
  }

  public void setBasic(BitbucketBasicAuth basic) {
    this.basic = basic;
  }

  /** The OAuth bearer token. */
  public SecretKeySelector getOauthToken() {
    return oauthToken;
  }

  public void setOauthToken(SecretKeySelector oauthToken) {
    this.oauthToken = oauthToken;
  }
}
