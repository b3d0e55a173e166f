package io.caravan.api.eventsource.slack;

import io.caravan.api.ArgoObject;
import io.caravan.api.common.SecretKeySelector;
import io.caravan.api.eventsource.EventSourceFilter;
import io.caravan.api.eventsource.WebhookContext;
import java.util.Map;

/** One {@code spec.slack.<eventName>} entry: a Slack app's request URL (inventory §1.4 #19). */
public class SlackEventSource extends ArgoObject {

  private SecretKeySelector signingSecret;
  private SecretKeySelector token;
  private WebhookContext webhook;
  private Map<String, String> metadata;
  private EventSourceFilter filter;

  /** The Slack app's signing secret: requests must carry its {@code X-Slack-Signature}. */
  public SecretKeySelector getSigningSecret() {
    return signingSecret;
  }

  public void setSigningSecret(SecretKeySelector signingSecret) {
    this.signingSecret = signingSecret;
  }

  /** The app's verification token: Events API bodies must carry it in {@code token}. */
  public SecretKeySelector getToken() {
    return token;
  }

  public void setToken(SecretKeySelector token) {
    this.token = token;
  }

  /** The HTTP endpoint Slack calls. */
  public WebhookContext getWebhook() {
    return webhook;
  }

  public void setWebhook(WebhookContext webhook) {
    this.webhook = webhook;
  }

  /** Argo's field; Argo's slack events do not carry it. */
  public Map<String, String> getMetadata() {
    return metadata;
  }

  public void setMetadata(Map<String, String> metadata) {
    this.metadata = metadata;
  }

  /** The event-source filter. */
  public EventSourceFilter getFilter() {
    return filter;
  }

  public void setFilter(EventSourceFilter filter) {
    this.filter = filter;
  }
}
