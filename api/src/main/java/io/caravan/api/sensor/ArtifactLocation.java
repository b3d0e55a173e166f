package io.caravan.api.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ArgoObject;

/** Where a k8s / argoWorkflow trigger reads its object from; exactly one field is set. */
public class ArtifactLocation extends ArgoObject {

  private JsonNode resource;
  private String inline;
  private JsonNode configmap;
  private JsonNode file;
  private JsonNode url;
  private JsonNode git;
  private JsonNode s3;

  public JsonNode getResource() {
    return resource;
  }

  public void setResource(JsonNode resource) {
    this.resource = resource;
  }

  public String getInline() {
    return inline;
  }

  public void setInline(String inline) {
    this.inline = inline;
  }

  public JsonNode getConfigmap() {
    return configmap;
  }

  public void setConfigmap(JsonNode configmap) {
    this.configmap = configmap;
  }

  public JsonNode getFile() {
    return file;
  }

  public void setFile(JsonNode file) {
    this.file = file;
  }

  public JsonNode getUrl() {
    return url;
  }

  public void setUrl(JsonNode url) {
    this.url = url;
  }

  public JsonNode getGit() {
    return git;
  }

  public void setGit(JsonNode git) {
    this.git = git;
  }

  public JsonNode getS3() {
    return s3;
  }

  public void setS3(JsonNode s3) {
    this.s3 = s3;
  }
}
