package io.caravan.api.eventsource.sns;

import io.caravan.api.ArgoObject;
import io.caravan.api.common.SecretKeySelector;
import io.caravan.api.eventsource.EventSourceFilter;
import io.caravan.api.eventsource.WebhookContext;
import java.util.Map;

/**
 * One {@code spec.sns.<eventName>} entry: an HTTP endpoint subscribed to an SNS topic (§1.5.13).
 */
public class SnsEventSource extends ArgoObject {
  private WebhookContext webhook;
  private String topicArn;
  private SecretKeySelector accessKey;
  private SecretKeySelector secretKey;
  private String region;
  private String roleARN;
  private Map<String, String> metadata;
  private Boolean validateSignature;
  private EventSourceFilter filter;
  private String endpoint;

  /** The HTTP endpoint SNS calls; its {@code url} is what the topic is subscribed with. */
  public WebhookContext getWebhook() {
    return webhook;
  }

  public void setWebhook(WebhookContext webhook) {
    this.webhook = webhook;
  }

  /** The topic to subscribe to. */
  public String getTopicArn() {
    return topicArn;
  }

  public void setTopicArn(String topicArn) {
    this.topicArn = topicArn;
  }

  /** The AWS access key id (with {@code secretKey}); else the default credentials. */
  public SecretKeySelector getAccessKey() {
    return accessKey;
  }

  public void setAccessKey(SecretKeySelector accessKey) {
    this.accessKey = accessKey;
  }

  /** The AWS secret access key. */
  public SecretKeySelector getSecretKey() {
    return secretKey;
  }

  public void setSecretKey(SecretKeySelector secretKey) {
    this.secretKey = secretKey;
  }

  /** The topic's region. */
  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  /** An IAM role to assume. */
  public String getRoleARN() {
    return roleARN;
  }

  public void setRoleARN(String roleARN) {
    this.roleARN = roleARN;
  }

  /** Added to every event under {@code metadata}. */
  public Map<String, String> getMetadata() {
    return metadata;
  }

  public void setMetadata(Map<String, String> metadata) {
    this.metadata = metadata;
  }

  /** Checks each message's SNS signature with the signing certificate. */
  public Boolean getValidateSignature() {
    return validateSignature;
  }

  public void setValidateSignature(Boolean validateSignature) {
    this.validateSignature = validateSignature;
  }

  /** The event-source filter. */
  public EventSourceFilter getFilter() {
    return filter;
  }

  public void setFilter(EventSourceFilter filter) {
    this.filter = filter;
  }

  /** The SNS API endpoint (instead of the region's). */
  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }
}
