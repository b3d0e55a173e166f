package io.caravan.api.eventsource.resource;

import io.caravan.api.ArgoObject;
import java.util.List;

/** Argo's {@code ResourceFilter} (inventory §1.5.3). */
public class ResourceFilter extends ArgoObject {
  private String prefix;
  private List<ResourceSelector> labels;
  private List<ResourceSelector> fields;
  private String createdBy;
  private Boolean afterStart;

  /** Only objects whose name starts with this. */
  public String getPrefix() {
    return prefix;
  }

  public void setPrefix(String prefix) {
    this.prefix = prefix;
  }

  /** A label selector the API server applies. */
  public List<ResourceSelector> getLabels() {
    return labels;
  }

  public void setLabels(List<ResourceSelector> labels) {
    this.labels = labels;
  }

  /** gjson paths into the object matched against unanchored regular expressions. */
  public List<ResourceSelector> getFields() {
    return fields;
  }

  public void setFields(List<ResourceSelector> fields) {
    this.fields = fields;
  }

  /** RFC 3339 time: objects created after it are dropped. */
  public String getCreatedBy() {
    return createdBy;
  }

  public void setCreatedBy(String createdBy) {
    this.createdBy = createdBy;
  }

  /** Drop events that happened before the source started. */
  public Boolean getAfterStart() {
    return afterStart;
  }

  public void setAfterStart(Boolean afterStart) {
    this.afterStart = afterStart;
  }
}
