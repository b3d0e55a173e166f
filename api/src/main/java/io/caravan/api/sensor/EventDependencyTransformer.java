package io.caravan.api.sensor;

import io.caravan.api.ArgoObject;

/** Rewrites the event data before filtering: a {@code jq} program or a Lua {@code script}. */
public class EventDependencyTransformer extends ArgoObject {

  private String jq;
  private String script;

  public String getJq() {
    return jq;
  }

  public void setJq(String jq) {
    this.jq = jq;
  }

  public String getScript() {
    return script;
  }

  public void setScript(String script) {
    this.script = script;
  }
}
