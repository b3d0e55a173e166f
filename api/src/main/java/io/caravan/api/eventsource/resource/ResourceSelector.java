package io.caravan.api.eventsource.resource;

import io.caravan.api.ArgoObject;

/** Argo's {@code Selector}: {@code key}, {@code operation}, {@code value}. */
public class ResourceSelector extends ArgoObject {
  private String key;
  private String operation;
  private String value;

  /** A label key, or a gjson path into the object for field filters. */
  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  /** Labels: =, ==, !=, in, notin, exists, !, gt, lt (default =); fields: =, == or !=. */
  public String getOperation() {
    return operation;
  }

  public void setOperation(String operation) {
    this.operation = operation;
  }

  /** Labels: the value(s), comma-separated for in/notin; fields: a regular expression. */
  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
