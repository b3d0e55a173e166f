package io.caravan.api.eventsource.resource;

import io.caravan.api.ArgoObject;
import java.util.List;
import java.util.Map;

/**
 * One {@code spec.resource.<eventName>} entry: a Kubernetes watch on any group/version/resource
 * (inventory §1.4, §1.5.3). {@code group}, {@code version} and {@code resource} are Argo's inlined
 * {@code GroupVersionResource}.
 */
public class ResourceEventSource extends ArgoObject {
  private String namespace;
  private ResourceFilter filter;
  private String group;
  private String version;
  private String resource;
  private List<String> eventTypes;
  private Map<String, String> metadata;

  /** Namespace watched; empty watches every namespace. */
  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  /** Label (server-side) and field, prefix, creation-time filters (client-side). */
  public ResourceFilter getFilter() {
    return filter;
  }

  public void setFilter(ResourceFilter filter) {
    this.filter = filter;
  }

  /** API group; empty for the core group. */
  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  /** API version, e.g. {@code v1}. */
  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  /** The plural resource name, e.g. {@code configmaps}. */
  public String getResource() {
    return resource;
  }

  public void setResource(String resource) {
    this.resource = resource;
  }

  /** Any of ADD, UPDATE, DELETE. */
  public List<String> getEventTypes() {
    return eventTypes;
  }

  public void setEventTypes(List<String> eventTypes) {
    this.eventTypes = eventTypes;
  }

  /** Copied into every event's data. */
  public Map<String, String> getMetadata() {
    return metadata;
  }

  public void setMetadata(Map<String, String> metadata) {
    this.metadata = metadata;
  }
}
