package io.caravan.api.eventsource.gitlab;

import io.caravan.api.ArgoObject;
import io.caravan.api.common.SecretKeySelector;
import io.caravan.api.eventsource.EventSourceFilter;
import io.caravan.api.eventsource.WebhookContext;
import java.util.List;
import java.util.Map;

/**
 * One {@code spec.gitlab.<eventName>} entry: GitLab webhooks and their hook management (inventory
 * §1.4 #12, §1.5.12).
 */
public class GitlabEventSource extends ArgoObject {

  private WebhookContext webhook;
  private String projectID;
  private List<String> events;
  private SecretKeySelector accessToken;
  private Boolean enableSSLVerification;
  private String gitlabBaseURL;
  private Boolean deleteHookOnFinish;
  private Map<String, String> metadata;
  private List<String> projects;
  private SecretKeySelector secretToken;
  private EventSourceFilter filter;
  private List<String> groups;

  /** The HTTP endpoint GitLab calls; its {@code url} is what hooks are registered with. */
  public WebhookContext getWebhook() {
    return webhook;
  }

  public void setWebhook(WebhookContext webhook) {
    this.webhook = webhook;
  }

  /** Deprecated single project (id or path), used when {@code projects} is empty. */
  public String getProjectID() {
    return projectID;
  }

  public void setProjectID(String projectID) {
    this.projectID = projectID;
  }

  /** GitLab hook options to enable, e.g. {@code PushEvents}, {@code MergeRequestsEvents}. */
  public List<String> getEvents() {
    return events;
  }

  public void setEvents(List<String> events) {
    this.events = events;
  }

  /** The API token hooks are managed with. */
  public SecretKeySelector getAccessToken() {
    return accessToken;
  }

  public void setAccessToken(SecretKeySelector accessToken) {
    this.accessToken = accessToken;
  }

  /** Registers hooks with SSL verification. */
  public Boolean getEnableSSLVerification() {
    return enableSSLVerification;
  }

  public void setEnableSSLVerification(Boolean enableSSLVerification) {
    this.enableSSLVerification = enableSSLVerification;
  }

  /** The GitLab base URL, e.g. {@code https://gitlab.com}. */
  public String getGitlabBaseURL() {
    return gitlabBaseURL;
  }

  public void setGitlabBaseURL(String gitlabBaseURL) {
    this.gitlabBaseURL = gitlabBaseURL;
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

  /** Project ids or paths ({@code group/project}) that get the hook. */
  public List<String> getProjects() {
    return projects;
  }

  public void setProjects(List<String> projects) {
    this.projects = projects;
  }

  /** The hooks' secret token, checked against {@code X-Gitlab-Token} when hooks are managed. */
  public SecretKeySelector getSecretToken() {
    return secretToken;
  }

  public void setSecretToken(SecretKeySelector secretToken) {
    this.secretToken = secretToken;
  }

  /** The event-source filter. */
  public EventSourceFilter getFilter() {
    return filter;
  }

  public void setFilter(EventSourceFilter filter) {
    this.filter = filter;
  }

  /** Group ids or paths that get a group hook. */
  public List<String> getGroups() {
    return groups;
  }

  public void setGroups(List<String> groups) {
    this.groups = groups;
  }
}
