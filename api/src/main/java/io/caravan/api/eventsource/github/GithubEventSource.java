package io.caravan.api.eventsource.github;

import io.caravan.api.ArgoObject;
import io.caravan.api.common.SecretKeySelector;
import io.caravan.api.eventsource.EventSourceFilter;
import io.caravan.api.eventsource.WebhookContext;
import java.util.List;
import java.util.Map;

/**
 * One {@code spec.github.<eventName>} entry: GitHub webhooks and their hook management (inventory
 * §1.4 #11, §1.5.11).
 */
public class GithubEventSource extends ArgoObject {

  private Long id;
  private WebhookContext webhook;
  private String owner;
  private String repository;
  private List<String> events;
  private SecretKeySelector apiToken;
  private SecretKeySelector webhookSecret;
  private Boolean insecure;
  private Boolean active;
  private String contentType;
  private String githubBaseURL;
  private String githubUploadURL;
  private Boolean deleteHookOnFinish;
  private Map<String, String> metadata;
  private List<OwnedRepositories> repositories;
  private List<String> organizations;
  private GithubAppCreds githubApp;
  private EventSourceFilter filter;

  /** Deprecated webhook id: not used (as in Argo). */
  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  /** The HTTP endpoint GitHub calls; its {@code url} is what hooks are registered with. */
  public WebhookContext getWebhook() {
    return webhook;
  }

  public void setWebhook(WebhookContext webhook) {
    this.webhook = webhook;
  }

  /** Deprecated single repository: its owner (with {@code repository}). */
  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  /** Deprecated single repository: its name (with {@code owner}). */
  public String getRepository() {
    return repository;
  }

  public void setRepository(String repository) {
    this.repository = repository;
  }

  /** GitHub events the hooks subscribe to, e.g. {@code push} or {@code *}. */
  public List<String> getEvents() {
    return events;
  }

  public void setEvents(List<String> events) {
    this.events = events;
  }

  /** The API token hooks are managed with. */
  public SecretKeySelector getApiToken() {
    return apiToken;
  }

  public void setApiToken(SecretKeySelector apiToken) {
    this.apiToken = apiToken;
  }

  /** The secret of the {@code X-Hub-Signature-256} / {@code X-Hub-Signature} HMAC. */
  public SecretKeySelector getWebhookSecret() {
    return webhookSecret;
  }

  public void setWebhookSecret(SecretKeySelector webhookSecret) {
    this.webhookSecret = webhookSecret;
  }

  /** Registers hooks with {@code insecure_ssl: "1"}. */
  public Boolean getInsecure() {
    return insecure;
  }

  public void setInsecure(Boolean insecure) {
    this.insecure = insecure;
  }

  /** Registers hooks as active. */
  public Boolean getActive() {
    return active;
  }

  public void setActive(Boolean active) {
    this.active = active;
  }

  /** The hooks' content type: {@code json} or {@code form}. */
  public String getContentType() {
    return contentType;
  }

  public void setContentType(String contentType) {
    this.contentType = contentType;
  }

  /** The API base URL (GitHub Enterprise), with {@code githubUploadURL}. */
  public String getGithubBaseURL() {
    return githubBaseURL;
  }

  public void setGithubBaseURL(String githubBaseURL) {
    this.githubBaseURL = githubBaseURL;
  }

  /** The upload URL (GitHub Enterprise), with {@code githubBaseURL}. */
  public String getGithubUploadURL() {
    return githubUploadURL;
  }

  public void setGithubUploadURL(String githubUploadURL) {
    this.githubUploadURL = githubUploadURL;
  }

  /** Deletes the hooks this source registered or reused when it stops. */
  public Boolean getDeleteHookOnFinish() {
    return deleteHookOnFinish;
  }

  public void setDeleteHookOnFinish(Boolean deleteHookOnFinish) {
    this.deleteHookOnFinish = deleteHookOnFinish;
  }

  /** Added to every event under {@code metadata}. */
  public Map<String, String> getMetadata() {
    return metadata;
  }

  public void setMetadata(Map<String, String> metadata) {
    this.metadata = metadata;
  }

  /** Repositories that get the hook, by owner. */
  public List<OwnedRepositories> getRepositories() {
    return repositories;
  }

  public void setRepositories(List<OwnedRepositories> repositories) {
    this.repositories = repositories;
  }

  /** Organizations that get an organization hook. */
  public List<String> getOrganizations() {
    return organizations;
  }

  public void setOrganizations(List<String> organizations) {
    this.organizations = organizations;
  }

  /** GitHub App credentials, instead of {@code apiToken}. */
  public GithubAppCreds getGithubApp() {
    return githubApp;
  }

  public void setGithubApp(GithubAppCreds githubApp) {
    this.githubApp = githubApp;
  }

  /** The event-source filter. */
  public EventSourceFilter getFilter() {
    return filter;
  }

  public void setFilter(EventSourceFilter filter) {
    this.filter = filter;
  }
}
