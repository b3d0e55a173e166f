package io.caravan.api.eventsource.gerrit;

import io.caravan.api.ArgoObject;
import io.caravan.api.eventsource.EventSourceFilter;
import io.caravan.api.eventsource.WebhookContext;
import io.caravan.api.eventsource.nats.BasicAuth;
import java.util.List;
import java.util.Map;

/**
 * One {@code spec.gerrit.<eventName>} entry: events of Gerrit's webhooks plugin (inventory §1.4
 * #31).
 */
public class GerritEventSource extends ArgoObject {

  private WebhookContext webhook;
  private String hookName;
  private List<String> events;
  private BasicAuth auth;
  private String gerritBaseURL;
  private Boolean deleteHookOnFinish;
  private Map<String, String> metadata;
  private List<String> projects;
  private Boolean sslVerify;
  private EventSourceFilter filter;

  /** The HTTP endpoint Gerrit calls; its {@code url} is what hooks are registered with. */
  public WebhookContext getWebhook() {
    return webhook;
  }

  public void setWebhook(WebhookContext webhook) {
    this.webhook = webhook;
  }

  /** The name of the remote (hook) registered in each project. */
  public String getHookName() {
    return hookName;
  }

  public void setHookName(String hookName) {
    this.hookName = hookName;
  }

  /** Gerrit event types the hook posts, e.g. {@code patchset-created}. */
  public List<String> getEvents() {
    return events;
  }

  public void setEvents(List<String> events) {
    this.events = events;
  }

  /** User name and HTTP password for the REST API. */
  public BasicAuth getAuth() {
    return auth;
  }

  public void setAuth(BasicAuth auth) {
    this.auth = auth;
  }

  /** The Gerrit server's base URL. */
  public String getGerritBaseURL() {
    return gerritBaseURL;
  }

  public void setGerritBaseURL(String gerritBaseURL) {
    this.gerritBaseURL = gerritBaseURL;
  }

  /** Deletes the hooks when the source stops. */
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

  /** Projects (e.g. {@code org/repo}) that get the hook. */
  public List<String> getProjects() {
    return projects;
  }

  public void setProjects(List<String> projects) {
    this.projects = projects;
  }

  /** Whether Gerrit verifies this endpoint's certificate when it posts events. */
  public Boolean getSslVerify() {
    return sslVerify;
  }

  public void setSslVerify(Boolean sslVerify) {
    this.sslVerify = sslVerify;
  }

  /** The event-source filter. */
  public EventSourceFilter getFilter() {
    return filter;
  }

  public void setFilter(EventSourceFilter filter) {
    this.filter = filter;
  }
}
