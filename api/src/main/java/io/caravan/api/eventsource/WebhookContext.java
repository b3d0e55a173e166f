package io.caravan.api.eventsource;

import io.caravan.api.ArgoObject;
import io.caravan.api.common.SecretKeySelector;
import java.util.Map;

/** HTTP endpoint settings shared by webhook-style event sources. */
public class WebhookContext extends ArgoObject {

  private String endpoint;
  private String method;
  private String port;
  private String url;
  private SecretKeySelector serverCertSecret;
  private SecretKeySelector serverKeySecret;
  private SecretKeySelector authSecret;
  private Long maxPayloadSize;
  private Map<String, String> metadata;

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public String getMethod() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }

  public String getPort() {
    return port;
  }

  public void setPort(String port) {
    this.port = port;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public SecretKeySelector getServerCertSecret() {
    return serverCertSecret;
  }

  public void setServerCertSecret(SecretKeySelector serverCertSecret) {
    this.serverCertSecret = serverCertSecret;
  }

  public SecretKeySelector getServerKeySecret() {
    return serverKeySecret;
  }

  public void setServerKeySecret(SecretKeySelector serverKeySecret) {
    this.serverKeySecret = serverKeySecret;
  }

  public SecretKeySelector getAuthSecret() {
    return authSecret;
  }

  public void setAuthSecret(SecretKeySelector authSecret) {
    this.authSecret = authSecret;
  }

  public Long getMaxPayloadSize() {
    return maxPayloadSize;
  }

  public void setMaxPayloadSize(Long maxPayloadSize) {
    this.maxPayloadSize = maxPayloadSize;
  }

  public Map<String, String> getMetadata() {
    return metadata;
  }

  public void setMetadata(Map<String, String> metadata) {
    this.metadata = metadata;
  }
}
