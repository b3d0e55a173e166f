package io.caravan.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Common part of the three Argo Events custom resources: EventSource, Sensor and EventBus. */
public abstract class ArgoResource extends ArgoObject {

  /** The only API version Caravan reads. */
  public static final String API_VERSION = "argoproj.io/v1alpha1";

  private String apiVersion;
  private String kind;
  private ObjectMetadata metadata;
  private JsonNode status;

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public ObjectMetadata getMetadata() {
    return metadata;
  }

  public void setMetadata(ObjectMetadata metadata) {
    this.metadata = metadata;
  }

  /** Status as written by a cluster (accepted, ignored). */
  public JsonNode getStatus() {
    return status;
  }

  public void setStatus(JsonNode status) {
    this.status = status;
  }

  /** The typed spec, or null when absent. */
  public abstract ArgoObject getSpec();

  /** {@code metadata.name}, or null. */
  public String name() {
    return metadata == null ? null : metadata.getName();
  }

  /** {@code metadata.namespace}, or null. */
  public String namespace() {
    return metadata == null ? null : metadata.getNamespace();
  }
}
