package io.caravan.api.eventsource.bitbucket;

import io.caravan.api.ArgoObject;
import io.caravan.api.eventsource.EventSourceFilter;
import io.caravan.api.eventsource.WebhookContext;
import java.util.List;
import java.util.Map;

/** One {@code spec.bitbucket.<eventName>} entry: Bitbucket Cloud webhooks (inventory §1.4 #27). */
public class BitbucketEventSource extends ArgoObject {

  private Boolean deleteHookOnFinish;
  private Map<String, String> metadata;
  private WebhookContext webhook;
  private BitbucketAuth auth;
  private List<String> events;
  private String owner;
  private String projectKey;
  private String repositorySlug;
  private List<BitbucketRepository> repositories;
  private EventSourceFilter filter;

  /** Deletes the hooks this source created when it stops. */
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

  /** The HTTP endpoint Bitbucket calls; its {@code url} is what hooks are created with. */
  public WebhookContext getWebhook() {
    return webhook;
  }

  public void setWebhook(WebhookContext webhook) {
    this.webhook = webhook;
  }

  /** How the API is called. */
  public BitbucketAuth getAuth() {
    return auth;
  }

  public void setAuth(BitbucketAuth auth) {
    this.auth = auth;
  }

  /** Bitbucket event keys the hooks subscribe to, e.g. {@code repo:push}. */
  public List<String> getEvents() {
    return events;
  }

  public void setEvents(List<String> events) {
    this.events = events;
  }

  /** Deprecated single repository: its owner (with {@code repositorySlug}). */
  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  /** Deprecated: the project key of the repository (not used by Argo). */
  public String getProjectKey() {
    return projectKey;
  }

  public void setProjectKey(String projectKey) {
    this.projectKey = projectKey;
  }

  /** Deprecated single repository: its slug (with {@code owner}). */
  public String getRepositorySlug() {
    return repositorySlug;
  }

  public void setRepositorySlug(String repositorySlug) {
    this.repositorySlug = repositorySlug;
  }

  /** Repositories that get the hook. */
  public List<BitbucketRepository> getRepositories() {
    return repositories;
  }

  public void setRepositories(List<BitbucketRepository> repositories) {
    this.repositories = repositories;
  }

  /** The event-source filter. */
  public EventSourceFilter getFilter() {
    return filter;
  }

  public void setFilter(EventSourceFilter filter) {
    this.filter = filter;
  }
}
