package io.caravan.api.eventsource.storagegrid;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ArgoObject;
import io.caravan.api.common.SecretKeySelector;
import io.caravan.api.eventsource.WebhookContext;
import java.util.List;
import java.util.Map;

/** One {@code spec.storageGrid.<eventName>} entry: NetApp StorageGRID notifications (§1.4 #20). */
public class StorageGridEventSource extends ArgoObject {
  private WebhookContext webhook;
  private List<String> events;
  private StorageGridFilter filter;
  private String topicArn;
  private String bucket;
  private String region;
  private SecretKeySelector authToken;
  private String apiURL;
  private Map<String, String> metadata;
  private JsonNode tls;

  /** The HTTP endpoint StorageGRID calls; its {@code url} is the endpoint registered. */
  public WebhookContext getWebhook() {
    return webhook;
  }

  public void setWebhook(WebhookContext webhook) {
    this.webhook = webhook;
  }

  /** S3 event types the bucket notification is configured for, e.g. {@code s3:ObjectCreated:*}. */
  public List<String> getEvents() {
    return events;
  }

  public void setEvents(List<String> events) {
    this.events = events;
  }

  /** The object key prefix/suffix a notification's first record must have. */
  public StorageGridFilter getFilter() {
    return filter;
  }

  public void setFilter(StorageGridFilter filter) {
    this.filter = filter;
  }

  /** The StorageGRID endpoint URN (topic ARN) the notifications go to. */
  public String getTopicArn() {
    return topicArn;
  }

  public void setTopicArn(String topicArn) {
    this.topicArn = topicArn;
  }

  /** The bucket whose notifications are configured. */
  public String getBucket() {
    return bucket;
  }

  public void setBucket(String bucket) {
    this.bucket = bucket;
  }

  /** Argo's field (default us-east-1); not used by Argo's runtime. */
  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  /** The StorageGRID management API token. */
  public SecretKeySelector getAuthToken() {
    return authToken;
  }

  public void setAuthToken(SecretKeySelector authToken) {
    this.authToken = authToken;
  }

  /** The StorageGRID management API base URL. */
  public String getApiURL() {
    return apiURL;
  }

  public void setApiURL(String apiURL) {
    this.apiURL = apiURL;
  }

  /** Added to every event under {@code metadata}. */
  public Map<String, String> getMetadata() {
    return metadata;
  }

  public void setMetadata(Map<String, String> metadata) {
    this.metadata = metadata;
  }

  /** TLS settings for the management API (Argo's TLSConfig). */
  public JsonNode getTls() {
    return tls;
  }

  public void setTls(JsonNode tls) {
    this.tls = tls;
  }
}
