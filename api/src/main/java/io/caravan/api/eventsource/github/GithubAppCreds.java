package io.caravan.api.eventsource.github;

import io.caravan.api.ArgoObject;
import io.caravan.api.common.SecretKeySelector;

/** Argo's {@code GithubAppCreds}: GitHub App authentication for hook management. */
public class GithubAppCreds extends ArgoObject {

  private SecretKeySelector privateKey;
  private Long appID;
  private Long installationID;

  /** The App's PEM private key. */
  public SecretKeySelector getPrivateKey() {
    return privateKey;
  }

  public void setPrivateKey(SecretKeySelector privateKey) {
    this.privateKey = privateKey;
  }

  /** The App's id (the JWT issuer). */
  public Long getAppID() {
    return appID;
  }

  public void setAppID(Long appID) {
    this.appID = appID;
  }

  /** The installation whose access token manages the hooks. */
  public Long getInstallationID() {
    return installationID;
  }

  public void setInstallationID(Long installationID) {
    this.installationID = installationID;
  }
}
