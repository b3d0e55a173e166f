package io.caravan.api.eventsource.bitbucketserver;

import io.caravan.api.ArgoObject;

/** Argo's {@code BitbucketServerRepository}: one repository by project key and slug. */
public class BitbucketServerRepository extends ArgoObject {

  private String projectKey;
  private String repositorySlug;

  public String getProjectKey() {
    return projectKey;
  }

  public void setProjectKey(String projectKey) {
    this.projectKey = projectKey;
  }

  public String getRepositorySlug() {
    return repositorySlug;
  }

  public void setRepositorySlug(String repositorySlug) {
    this.repositorySlug = repositorySlug;
  }
}
