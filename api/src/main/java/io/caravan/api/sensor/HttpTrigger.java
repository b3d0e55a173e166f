package io.caravan.api.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ArgoObject;
import java.util.List;
import java.util.Map;

/** Sends an HTTP request built from event data. */
public class HttpTrigger extends ArgoObject {

  private String url;
  private String method;
  private List<TriggerParameter> payload;
  private List<TriggerParameter> parameters;
  private Map<String, String> headers;
  private List<SecureHeader> secureHeaders;
  private List<TriggerParameter> dynamicHeaders;
  private JsonNode basicAuth;
  private JsonNode tls;
  private Long timeout;
  private JsonNode host;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getMethod() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }

  public List<TriggerParameter> getPayload() {
    return payload;
  }

  public void setPayload(List<TriggerParameter> payload) {
    this.payload = payload;
  }

  public List<TriggerParameter> getParameters() {
    return parameters;
  }

  public void setParameters(List<TriggerParameter> parameters) {
    this.parameters = parameters;
  }

  public Map<String, String> getHeaders() {
    return headers;
  }

  public void setHeaders(Map<String, String> headers) {
    this.headers = headers;
  }

  public List<SecureHeader> getSecureHeaders() {
    return secureHeaders;
  }

  public void setSecureHeaders(List<SecureHeader> secureHeaders) {
    this.secureHeaders = secureHeaders;
  }

  public List<TriggerParameter> getDynamicHeaders() {
    return dynamicHeaders;
  }

  public void setDynamicHeaders(List<TriggerParameter> dynamicHeaders) {
    this.dynamicHeaders = dynamicHeaders;
  }

  public JsonNode getBasicAuth() {
    return basicAuth;
  }

  public void setBasicAuth(JsonNode basicAuth) {
    this.basicAuth = basicAuth;
  }

  public JsonNode getTls() {
    return tls;
  }

  public void setTls(JsonNode tls) {
    this.tls = tls;
  }

  public Long getTimeout() {
    return timeout;
  }

  public void setTimeout(Long timeout) {
    this.timeout = timeout;
  }

  public JsonNode getHost() {
    return host;
  }

  public void setHost(JsonNode host) {
    this.host = host;
  }
}
