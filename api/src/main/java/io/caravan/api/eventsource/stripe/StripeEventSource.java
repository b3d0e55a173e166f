package io.caravan.api.eventsource.stripe;

import io.caravan.api.ArgoObject;
import io.caravan.api.common.SecretKeySelector;
import io.caravan.api.eventsource.WebhookContext;
import java.util.List;
import java.util.Map;

/** One {@code spec.stripe.<eventName>} entry: a Stripe webhook endpoint (inventory §1.4 #22). */
public class StripeEventSource extends ArgoObject {

  private WebhookContext webhook;
  private Boolean createWebhook;
  private SecretKeySelector apiKey;
  private List<String> eventFilter;
  private Map<String, String> metadata;
  private String namespace;
  private SecretKeySelector signingSecret;

  /** The HTTP endpoint Stripe calls; its {@code url} is what the endpoint is registered with. */
  public WebhookContext getWebhook() {
    return webhook;
  }

  public void setWebhook(WebhookContext webhook) {
    this.webhook = webhook;
  }

  /** Registers the endpoint with Stripe's API when the source starts. */
  public Boolean getCreateWebhook() {
    return createWebhook;
  }

  public void setCreateWebhook(Boolean createWebhook) {
    this.createWebhook = createWebhook;
  }

  /** The Stripe API key (used with {@code createWebhook}). */
  public SecretKeySelector getApiKey() {
    return apiKey;
  }

  public void setApiKey(SecretKeySelector apiKey) {
    this.apiKey = apiKey;
  }

  /** Event types accepted (and registered); all when unset. */
  public List<String> getEventFilter() {
    return eventFilter;
  }

  public void setEventFilter(List<String> eventFilter) {
    this.eventFilter = eventFilter;
  }

  /** Added to every event under {@code metadata}. */
  public Map<String, String> getMetadata() {
    return metadata;
  }

  public void setMetadata(Map<String, String> metadata) {
    this.metadata = metadata;
  }

  /** Removed from Argo's model (the API key's namespace); still in Argo's example. */
  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  /**
   * Caravan extension (not in Argo): the endpoint's signing secret ({@code whsec_…}); requests must
   * then carry a valid {@code Stripe-Signature}.
   */
  public SecretKeySelector getSigningSecret() {
    return signingSecret;
  }

  public void setSigningSecret(SecretKeySelector signingSecret) {
    this.signingSecret = signingSecret;
  }
}
