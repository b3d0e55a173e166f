package io.caravan.api.eventsource.bitbucket;

import io.caravan.api.ArgoObject;

/**
 * Argo's {@code BitbucketRepository}: a Bitbucket Cloud repository by owner (workspace) and slug.
 */
public class BitbucketRepository extends ArgoObject {

  private String owner;
  private String repositorySlug;

  /** The workspace or user owning the repository. */
  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  /** The repository's URL-friendly name. */
  public String getRepositorySlug() {
    return repositorySlug;
  }

  public void setRepositorySlug(String repositorySlug) {
    this.repositorySlug = repositorySlug;
  }
}
