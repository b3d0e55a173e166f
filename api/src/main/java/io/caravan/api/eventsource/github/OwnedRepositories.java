package io.caravan.api.eventsource.github;

import io.caravan.api.ArgoObject;
import java.util.List;

/**
 * Argo's {@code OwnedRepositories}: an owner (user or organization) and some of its repositories.
 */
public class OwnedRepositories extends ArgoObject {

  private String owner;
  private List<String> names;

  /** The user or organization. */
  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  /** Repository names of the owner. */
  public List<String> getNames() {
    return names;
  }

  public void setNames(List<String> names) {
    this.names = names;
  }
}
