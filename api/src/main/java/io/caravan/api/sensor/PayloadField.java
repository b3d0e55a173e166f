package io.caravan.api.sensor;

import io.caravan.api.ArgoObject;

/** Binds a value of the event data ({@code path}) to a variable {@code name} of an expression. */
public class PayloadField extends ArgoObject {

  private String path;
  private String name;

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
