package io.caravan.api.eventsource.bitbucketserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ArgoObject;
import io.caravan.api.common.SecretKeySelector;
import io.caravan.api.eventsource.EventSourceFilter;
import io.caravan.api.eventsource.WebhookContext;
import java.util.List;
import java.util.Map;

/**
 * One {@code spec.bitbucketserver.<eventName>} entry: Bitbucket Server / Data Center webhooks
 * (inventory §1.4 #26).
 */
public class BitbucketServerEventSource extends ArgoObject {

  private WebhookContext webhook;
  private String projectKey;
  private String repositorySlug;
  private List<String> projects;
  private List<BitbucketServerRepository> repositories;
  private List<String> events;
  private Boolean skipBranchRefsChangedOnOpenPR;
  private Boolean oneEventPerChange;
  private SecretKeySelector accessToken;
  private SecretKeySelector webhookSecret;
  private String bitbucketserverBaseURL;
  private Boolean deleteHookOnFinish;
  private Map<String, String> metadata;
  private EventSourceFilter filter;
  private JsonNode tls;
  private String checkInterval;

  /**
   * The HTTP endpoint Bitbucket Server calls; its {@code url} is what hooks are registered with.
   */
  public WebhookContext getWebhook() {
    return webhook;
  }

  public void setWebhook(WebhookContext webhook) {
    this.webhook = webhook;
  }

  /** Deprecated single repository: its project key (with {@code repositorySlug}). */
  public String getProjectKey() {
    return projectKey;
  }

  public void setProjectKey(String projectKey) {
    this.projectKey = projectKey;
  }

  /** Deprecated single repository: its slug (with {@code projectKey}). */
  public String getRepositorySlug() {
    return repositorySlug;
  }

  public void setRepositorySlug(String repositorySlug) {
    this.repositorySlug = repositorySlug;
  }

  /** Projects whose every repository gets the hook. */
  public List<String> getProjects() {
    return projects;
  }

  public void setProjects(List<String> projects) {
    this.projects = projects;
  }

  /** Repositories that get the hook. */
  public List<BitbucketServerRepository> getRepositories() {
    return repositories;
  }

  public void setRepositories(List<BitbucketServerRepository> repositories) {
    this.repositories = repositories;
  }

  /** Bitbucket Server event keys the hook is subscribed to, e.g. {@code repo:refs_changed}. */
  public List<String> getEvents() {
    return events;
  }

  public void setEvents(List<String> events) {
    this.events = events;
  }

  /** Drops {@code repo:refs_changed} branch changes whose commit has an open pull request. */
  public Boolean getSkipBranchRefsChangedOnOpenPR() {
    return skipBranchRefsChangedOnOpenPR;
  }

  public void setSkipBranchRefsChangedOnOpenPR(Boolean skipBranchRefsChangedOnOpenPR) {
    this.skipBranchRefsChangedOnOpenPR = skipBranchRefsChangedOnOpenPR;
  }

  /** One event per entry of a {@code repo:refs_changed} payload's {@code changes}. */
  public Boolean getOneEventPerChange() {
    return oneEventPerChange;
  }

  public void setOneEventPerChange(Boolean oneEventPerChange) {
    this.oneEventPerChange = oneEventPerChange;
  }

  /** The REST API token (bearer) for hook management and pull-request look-ups. */
  public SecretKeySelector getAccessToken() {
    return accessToken;
  }

  public void setAccessToken(SecretKeySelector accessToken) {
    this.accessToken = accessToken;
  }

  /** The secret of the HMAC-SHA256 {@code X-Hub-Signature} of each request. */
  public SecretKeySelector getWebhookSecret() {
    return webhookSecret;
  }

  public void setWebhookSecret(SecretKeySelector webhookSecret) {
    this.webhookSecret = webhookSecret;
  }

  /** The REST API base URL, including {@code /rest}. */
  public String getBitbucketserverBaseURL() {
    return bitbucketserverBaseURL;
  }

  public void setBitbucketserverBaseURL(String bitbucketserverBaseURL) {
    this.bitbucketserverBaseURL = bitbucketserverBaseURL;
  }

  /** Deletes the hooks this source registered when it stops. */
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

  /** The event-source filter. */
  public EventSourceFilter getFilter() {
    return filter;
  }

  public void setFilter(EventSourceFilter filter) {
    this.filter = filter;
  }

  /** Argo's TLSConfig for the REST API client. */
  public JsonNode getTls() {
    return tls;
  }

  public void setTls(JsonNode tls) {
    this.tls = tls;
  }

  /** How often the hooks are re-checked (Go duration, default 1m). */
  public String getCheckInterval() {
    return checkInterval;
  }

  public void setCheckInterval(String checkInterval) {
    this.checkInterval = checkInterval;
  }
}
