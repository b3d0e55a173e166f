package io.caravan.api.eventsource.storagegrid;

import io.caravan.api.ArgoObject;

/** Argo's {@code StorageGridFilter}: the object key's prefix and/or suffix. */
public class StorageGridFilter extends ArgoObject {

  private String prefix;
  private String suffix;

  public String getPrefix() {
    return prefix;
  }

  public void setPrefix(String prefix) {
    this.prefix = prefix;
  }

  public String getSuffix() {
    return suffix;
  }

  public void setSuffix(String suffix) {
    this.suffix = suffix;
  }
}
